import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Examples import the package by name, as a user's code does (tsconfig.json `paths`).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts'],
    // After every test: no new, lost or replaced properties on the built-in prototypes.
    setupFiles: ['test/setup/no-prototype-pollution.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
