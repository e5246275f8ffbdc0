import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { findLoops } from '../../src/graph/loops.js'
import { parseModel } from '../../src/model/decode.js'
import { searchLoops } from '../../src/cli/loop-search.js'
import { lines, runInProcess, wardModel } from './harness.js'

const ward = (() => {
  const parsed = parseModel(readFileSync(wardModel, 'utf8'))
  if (E.isLeft(parsed)) throw new Error('the ward model must decode')
  return parsed.right
})()

describe('orgintel loops names the bound that stopped it', () => {
  it.each([
    [['--max-loops', '1'], '1 loop (truncated: --max-loops 1 was reached and more loops exist; raise --max-loops to see them)'],
    [['--max-length', '2'], 'loops longer than --max-length 2 may exist; raise --max-length to find them)'],
    [['--budget', '3'], 'the search budget of 3 steps ran out; raise --budget to search further)'],
  ])('%j', async (flags, message) => {
    const result = await runInProcess(['loops', wardModel, ...flags])
    expect(result.code).toBe(0)
    expect(lines(result.stdout).at(-1)!.endsWith(message)).toBe(true)
  })

  it('says nothing when no bound was reached, and gives the bound in JSON', async () => {
    expect(lines((await runInProcess(['loops', wardModel])).stdout).at(-1)).toMatch(/^\d+ loops$/)
    const json = JSON.parse((await runInProcess(['loops', wardModel, '--budget', '3', '--format', 'json'])).stdout) as { truncated: boolean; stoppedBy: string }
    expect(json).toMatchObject({ truncated: true, stoppedBy: 'budget' })
  })

  it('refuses a budget that is not a whole number, 1 or more', async () => {
    const result = await runInProcess(['loops', wardModel, '--budget', '0'])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual(['orgintel loops: --budget must be a whole number, 1 or more (got "0")'])
  })

  it.each([{}, { maxLoops: 2 }, { maxLength: 3 }, { budget: 20 }, { through: 'ward-manager' }, { level: 'planning' }] as const)('finds what findLoops finds (%j)', (options) => {
    const { stoppedBy: _, ...search } = searchLoops(ward, options as never)
    expect(search).toEqual(findLoops(ward, options as never))
  })
})
