/** A static file server on 127.0.0.1 (random free port) for the browser tests. */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const contentTypes = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.json', 'application/json'],
  ['.wasm', 'application/wasm'],
])

/** A running server: its base URL and how to stop it. */
export interface SiteServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/** Serve each URL prefix from a directory, e.g. `{ '/': 'docs-site', '/bundle/': tmp }`. */
export const serveDirectories = async (mounts: ReadonlyMap<string, string>): Promise<SiteServer> => {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
      const prefix = [...mounts.keys()].filter((key) => path.startsWith(key)).sort((a, b) => b.length - a.length)[0]
      const directory = prefix === undefined ? undefined : resolve(mounts.get(prefix)!)
      let file = directory === undefined ? undefined : normalize(join(directory, path.slice(prefix!.length)))
      if (file === undefined || directory === undefined || (file !== directory && !file.startsWith(directory + sep))) {
        response.writeHead(404).end()
        return
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
        const body = await readFile(file)
        response.writeHead(200, { 'content-type': contentTypes.get(extname(file)) ?? 'application/octet-stream' }).end(body)
      } catch {
        response.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}
