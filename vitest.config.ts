import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // After every test: no new, lost or replaced properties on the built-in prototypes.
    setupFiles: ['test/setup/no-prototype-pollution.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
