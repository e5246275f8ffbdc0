/**
 * The documentation site and the browser bundle, checked in a real browser (Debian's
 * Chromium through playwright-core; nothing is downloaded). Skips, saying why, only when
 * /usr/bin/chromium is missing; `.ci/run` installs it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureSiteBuilt } from './site-build.js'
import { serveDirectories, type SiteServer } from './site-server.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const chromiumPath = '/usr/bin/chromium'
// A missing browser fails these tests rather than skipping them: .ci/run installs
// Debian's chromium, and a check that never runs proves nothing.
const hasChromium = existsSync(chromiumPath)

/** The guide pages, as typedoc names them from their titles. */
const guidePages = [
  'Concepts',
  'Quick_start',
  'Modelling_your_organisation',
  'Finding_broken_and_missing_loops',
  'Simulating_interventions',
  'Embedding_in_an_app',
  'Command_line',
  'Architecture',
].map((name) => `documents/${name}.html`)

/** Smallest text a diagram may show, in CSS pixels as rendered on the page. */
const minimumDiagramTextPixels = 9

/**
 * For each SVG image on the page: the size of its smallest text as drawn (the font size
 * times the scale at which the image is shown). The SVG is laid out inline, off screen,
 * at the width the image has on the page, so the browser does the arithmetic.
 */
const diagramTextSizes = (page: Page): Promise<ReadonlyArray<{ readonly src: string; readonly width: number; readonly smallestText: number }>> =>
  page.$$eval('img[src$=".svg"]', async (images) => {
    const sizes: { src: string; width: number; smallestText: number }[] = []
    for (const image of images as HTMLImageElement[]) {
      const width = image.getBoundingClientRect().width
      const host = document.createElement('div')
      host.style.cssText = `position:absolute;left:-20000px;top:0;width:${width}px`
      host.innerHTML = await (await fetch(image.src)).text()
      document.body.append(host)
      const svg = host.querySelector('svg')!
      svg.style.width = `${width}px`
      svg.style.height = 'auto'
      let smallestText = Number.POSITIVE_INFINITY
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        if ((text.textContent ?? '').trim() === '') continue
        // The length of a unit vector as drawn: the scale, whatever the rotation.
        const matrix = text.getScreenCTM()
        const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b)
        smallestText = Math.min(smallestText, Number.parseFloat(getComputedStyle(text).fontSize) * scale)
      }
      host.remove()
      sizes.push({ src: image.getAttribute('src') ?? '', width: Math.round(width), smallestText: Math.round(smallestText * 10) / 10 })
    }
    return sizes
  })

/** Everything that went wrong while a page loaded. */
const watchPage = (page: Page): string[] => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? ''})`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return problems
}

/** Images on the page that did not load (or loaded empty). */
const brokenImages = (page: Page): Promise<string[]> =>
  page.$$eval('img', (images) =>
    images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.getAttribute('src') ?? '(no src)'),
  )

describe('in Chromium', () => {
  it(`has Chromium at ${chromiumPath} (apt-get install -y chromium; .ci/run installs it)`, () => {
    expect(hasChromium).toBe(true)
  })

  let server: SiteServer
  let context: BrowserContext
  let profile: string
  let bundleDirectory: string

  beforeAll(async () => {
    ensureSiteBuilt(root)
    bundleDirectory = mkdtempSync(join(tmpdir(), 'orgintel-bundle-'))
    // Bundling for the browser platform fails on any `node:` import in the core.
    await build({
      entryPoints: [join(root, 'test', 'docs', 'browser-page', 'app.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(bundleDirectory, 'app.js'),
      logLevel: 'silent',
    })
    copyFileSync(join(root, 'test', 'docs', 'browser-page', 'index.html'), join(bundleDirectory, 'index.html'))
    copyFileSync(join(root, 'examples', 'models', 'ward-you-said-we-did.json'), join(bundleDirectory, 'ward-you-said-we-did.json'))
    server = await serveDirectories(new Map([['/', join(root, 'docs-site')], ['/bundle/', bundleDirectory]]))
    profile = mkdtempSync(join(tmpdir(), 'orgintel-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await server?.close()
    for (const directory of [profile, bundleDirectory]) if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
  })

  it.each(guidePages)('shows %s with no console error, failed request or broken image', async (path) => {
    const page = await context.newPage()
    const problems = watchPage(page)
    const response = await page.goto(`${server.url}/${path}`, { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    await page.waitForLoadState('networkidle')
    expect(await brokenImages(page)).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })

  it.each(guidePages)('%s shows every diagram with its text at a readable size', async (path) => {
    const page = await context.newPage()
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    const small = (await diagramTextSizes(page)).filter((diagram) => !(diagram.smallestText >= minimumDiagramTextPixels))
    expect(small).toEqual([])
    await page.close()
  })

  it('lists every guide page in the site navigation', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/index.html`, { waitUntil: 'load' })
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
    for (const guide of guidePages) expect(links.some((href) => href.endsWith(guide))).toBe(true)
    await page.close()
  })

  it('saves a screenshot of the quick start page', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/documents/Quick_start.html`, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    mkdirSync(join(root, '.tmp'), { recursive: true })
    const file = join(root, '.tmp', 'quick-start.png')
    await page.screenshot({ path: file, fullPage: false })
    // A PNG signature and more than a blank page's worth of bytes.
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.length).toBeGreaterThan(20_000)
    await page.close()
  })

  it('runs the browser bundle: decodes, diagnoses and draws the Ward 7 model', async () => {
    const page = await context.newPage()
    const problems = watchPage(page)
    await page.goto(`${server.url}/bundle/index.html`, { waitUntil: 'load' })
    await page.waitForFunction(() => window.orgintelResult !== undefined, undefined, { timeout: 30_000 })
    const result = await page.evaluate(() => window.orgintelResult)
    expect(result).toMatchObject({ decoded: true, actors: 8, errors: '', mermaidRendered: true })
    expect(result && 'dotLength' in result ? result.dotLength : 0).toBeGreaterThan(100)
    // The carers' loop through PALS is declared but its reply channel is inactive.
    expect(result && 'defectRules' in result ? result.defectRules : []).toContain('declared-loop-broken')
    expect(problems).toEqual([])
    await page.close()
  })
})
