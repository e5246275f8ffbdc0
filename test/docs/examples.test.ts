/**
 * The light examples the guide pages include, run in the test process (`npm test` also
 * runs every example as a script, and test/newcomer runs each included region against
 * the packed package): each asserts what it shows after its region, so importing one
 * runs it and fails on any broken claim.
 */
import { describe, expect, it, vi } from 'vitest'

describe('guide examples', () => {
  it.each([
    'import-fhir',
    'fhir-privacy',
    'fhir-diagnose',
    'graphlib-adapter',
    'graphlib-hostile-ids',
    'graphlib-layout',
    'graphlib-algorithm',
    'sweep-shards',
    'import-csv',
    'csv-errors',
    'csv-round-trip',
    'render-mermaid',
    'build-model',
    'validate-model',
    'loop-table',
  ])('examples/%s.ts runs', async (name) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await import(`../../examples/${name}.ts`)
      expect(log).toHaveBeenCalled()
    } finally {
      log.mockRestore()
    }
  })
})
