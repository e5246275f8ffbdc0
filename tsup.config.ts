import { defineConfig } from 'tsup'

/**
 * One build for every entry. The browser-safe entries (`index`, `io`, `fhir`) are
 * bundled without Node built-ins; `node` and `cli` are Node-only. fp-ts and io-ts are
 * peer dependencies and stay external so that consumers share one copy.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['fp-ts', 'io-ts', /^fp-ts\//, /^io-ts\//],
})
