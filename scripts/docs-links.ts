/**
 * Links in the built site that lead nowhere a reader can follow: a file name that
 * Markdown turned into a web address (`DESIGN.md` → `http://DESIGN.md`), and a relative
 * link or image to a file the site does not have. Links to real web sites are allowed.
 * `scripts/docs-build.ts` fails the build on any.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** A link that resolves outside the site: the page, the link and why. */
export interface OutsideLink {
  readonly page: string
  readonly link: string
  readonly reason: string
}

/** A host that is a file name, not a web site: `DESIGN.md`, `index.ts`. */
const fileNameHost = /\.(md|markdown|ts|mts|cts|js|mjs|cjs|json|csv|txt|html?|svg|png|ya?ml)$/i

const htmlFiles = (folder: string): ReadonlyArray<string> => {
  const found: string[] = []
  const stack = [folder]
  while (stack.length > 0) {
    const current = stack.pop()!
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) stack.push(path)
      else if (name.endsWith('.html')) found.push(path)
    }
  }
  return found.sort()
}

/** Every link (`href`, `src`) of every page under `site` that resolves outside it. */
export const findOutsideLinks = (site: string): ReadonlyArray<OutsideLink> => {
  const root = resolve(site)
  const problems: OutsideLink[] = []
  for (const file of htmlFiles(root)) {
    const page = relative(root, file)
    const html = readFileSync(file, 'utf8')
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = match[1]!.replace(/&amp;/g, '&')
      if (link === '' || link.startsWith('#') || /^(mailto|data|javascript):/i.test(link)) continue
      const absolute = /^([a-z][a-z0-9+.-]*):/i.exec(link)
      if (absolute !== null || link.startsWith('//')) {
        const host = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)/i.exec(link)?.[1] ?? ''
        if (!/^https?$/i.test(absolute?.[1] ?? 'https')) problems.push({ page, link, reason: 'not a web address' })
        else if (fileNameHost.test(host)) problems.push({ page, link, reason: `"${host}" is a file name made into a web address` })
        continue
      }
      const path = decodeURIComponent(link.split(/[?#]/)[0]!)
      if (path === '') continue
      const target = resolve(dirname(file), path)
      if (target !== root && !target.startsWith(root + sep)) problems.push({ page, link, reason: 'leads outside the site' })
      else if (!existsSync(target)) problems.push({ page, link, reason: 'no such file in the site' })
    }
  }
  return problems
}
