/**
 * The docs build fails on links that resolve outside the site (scripts/docs-links.ts):
 * a file name Markdown made into a web address, and a relative link to a missing file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findOutsideLinks } from '../../scripts/docs-links.js'

let site: string | undefined
afterEach(() => {
  if (site !== undefined) rmSync(site, { recursive: true, force: true })
})

const siteWith = (pages: Record<string, string>): string => {
  site = mkdtempSync(join(tmpdir(), 'orgintel-site-'))
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(site, path, '..'), { recursive: true })
    writeFileSync(join(site, path), html)
  }
  return site
}

describe('links of the built site', () => {
  it('finds a file name made into a web address, a missing file and a path out of the site', () => {
    const folder = siteWith({
      'index.html': '<a href="documents/Quick_start.html#install">ok</a> <a href="https://www.careopinion.org.uk/">ok</a> <a href="#top">ok</a>',
      'documents/Quick_start.html': '<a href="http://DESIGN.md">DESIGN.md §2</a> <img src="../assets/missing.svg"> <a href="../../outside.html">x</a> <a href="../index.html">ok</a>',
    })
    expect(findOutsideLinks(folder).map(({ page, link }) => `${page} ${link}`)).toEqual([
      'documents/Quick_start.html http://DESIGN.md',
      'documents/Quick_start.html ../assets/missing.svg',
      'documents/Quick_start.html ../../outside.html',
    ])
  })

  it('finds nothing in a site whose links all lead somewhere', () => {
    const folder = siteWith({ 'index.html': '<a href="a.html?x=1#y">a</a> <a href="mailto:someone@example.org">mail</a>', 'a.html': '<img src="data:image/png;base64,AAAA">' })
    expect(findOutsideLinks(folder)).toEqual([])
  })
})
