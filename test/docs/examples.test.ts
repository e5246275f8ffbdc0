/**
 * The examples the guide pages include that no other vitest suite imports (`npm test`
 * also runs every example as a script): each asserts what it shows, so importing one
 * runs it and fails on any broken claim.
 */
import { describe, expect, it, vi } from 'vitest'

describe('guide examples', () => {
  it.each(['import-fhir', 'graphlib-adapter', 'sweep-shards', 'import-csv', 'render-mermaid'])('examples/%s.ts runs', async (name) => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await import(`../../examples/${name}.ts`)
      expect(write).toHaveBeenCalled()
    } finally {
      write.mockRestore()
    }
  })
})
