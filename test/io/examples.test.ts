import { describe, expect, it, vi } from 'vitest'

// The examples assert what they show; importing one runs it.
describe('examples', () => {
  it.each(['import-csv', 'render-mermaid'])('examples/%s.ts runs', async (name) => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await import(`../../examples/${name}.ts`)
      expect(write).toHaveBeenCalled()
    } finally {
      write.mockRestore()
    }
  })
})
