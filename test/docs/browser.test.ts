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
const hasChromium = existsSync(chromiumPath)
if (!hasChromium) {
  console.warn(`Skipping the browser tests: ${chromiumPath} is missing (apt-get install -y chromium).`)
}

/** The guide pages, as typedoc names them from their titles. */
const guidePages = [
  'Concepts',
  'Quick_start',
  'Modelling_your_organisation',
  'Finding_broken_and_missing_loops',
  'Simulating_interventions',
  'Embedding_in_an_app',
  'Command_line',
].map((name) => `documents/${name}.html`)

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

describe.skipIf(!hasChromium)('in Chromium', () => {
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
