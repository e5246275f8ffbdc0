import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

/** fp-ts and io-ts are peer dependencies: consumers share one copy with their own codecs. */
const peers = ['fp-ts', 'io-ts', /^fp-ts\//, /^io-ts\//]

export default defineConfig([
  {
    // Browser-safe entries: no Node built-ins anywhere in their graphs.
    entry: {
      index: 'src/index.ts',
      'io/index': 'src/io/index.ts',
      'fhir/index': 'src/fhir/index.ts',
      'evidence/index': 'src/evidence/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    external: peers,
  },
  {
    // Node-only entries: experiments on worker threads, and the command line.
    entry: {
      'node/index': 'src/node/index.ts',
      'node-worker': 'src/node/worker.ts',
      cli: 'src/cli/bin.ts',
    },
    format: ['esm'],
    dts: { entry: { 'node/index': 'src/node/index.ts' } },
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'node',
    external: [...peers, '@viz-js/viz'],
    define: { __ORGINTEL_VERSION__: JSON.stringify(version) },
  },
])
