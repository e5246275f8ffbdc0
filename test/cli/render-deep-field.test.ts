/**
 * A model file with a 100,000-deep unknown field (issue 14, item 15) crashed
 * `render --to graphml` with "Maximum call stack size exceeded": no writer walks a field
 * the schema does not define. Whether the model is refused for the unknown field or
 * read without it, the command ends cleanly and writes nothing of it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

describe('orgintel render with a 100,000-deep unknown field', () => {
  it.each(['graphml', 'gexf', 'cytoscape', 'kumu', 'dot', 'mermaid'])('--to %s ends cleanly', async (target) => {
    const ward = readFileSync(wardModel, 'utf8')
    // Written as text: JSON.stringify itself would overflow on such a value.
    const deep = `${'{"inner":'.repeat(100_000)}"DEEP\u00a7"${'}'.repeat(100_000)}`
    const text = ward.replace(/"assets"\s*:\s*\[\s*\{/, `"assets": [{ "privateNote": ${deep},`)
    expect(text).not.toBe(ward)
    writeFileSync(folder.file('deep.json'), text)
    const result = await runInProcess(['render', folder.file('deep.json'), '--to', target, '-o', folder.file('out')])
    expect(result.stderr).not.toMatch(/internal error|call stack/i)
    expect([0, 1]).toContain(result.code)
    if (result.code === 0) {
      const out = readFileSync(folder.file('out'), 'utf8')
      expect(out).not.toContain('DEEP\u00a7')
      expect(out).not.toContain('privateNote')
    }
  })
})
