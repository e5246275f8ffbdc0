import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import { maxReportedErrors } from '../../src/model/errors.js'

const header = '{"schema":"orgintel/v2","id":"hostile","name":"Hostile"'

const codesAndPaths = (result: ReturnType<typeof parseModel>) =>
  result._tag === 'Left' ? result.left.map((error) => [error.code, error.path]) : 'accepted'

describe('hostile documents', () => {
  it('a 100 MB document gives a clear Left listing every fault', () => {
    const name = 'x'.repeat(1000)
    const actorCount = 100_000
    const parts: string[] = [`${header},"actors":[`]
    for (let i = 0; i < actorCount; i++) {
      // Every 10,000th actor has a kind that does not exist.
      const kind = i % 10_000 === 9_999 ? 'alien' : 'patient'
      parts.push(`${i === 0 ? '' : ','}{"id":"a${i}","name":"${name}","kind":"${kind}","levels":["delivery"]}`)
    }
    parts.push('],"assets":[],"channels":[]}')
    const text = parts.join('')
    expect(text.length).toBeGreaterThan(100_000_000)
    const result = parseModel(text)
    expect(codesAndPaths(result)).toEqual(
      Array.from({ length: 10 }, (_, i) => ['invalid-value', `/actors/${i * 10_000 + 9_999}/kind`]),
    )
  })

  it('100,000 nested arrays in a field: a Left, no stack overflow', () => {
    const depth = 100_000
    const text = `${header},"actors":[{"id":"a","name":"a","kind":"patient","levels":["delivery"],"tags":${'['.repeat(depth)}${']'.repeat(depth)}}],"assets":[],"channels":[]}`
    expect(codesAndPaths(parseModel(text))).toEqual([['invalid-type', '/actors/0/tags/0']])
  })

  it('1,000,000 unclosed arrays: invalid JSON with a position, no stack overflow', () => {
    const text = `${header},"actors":${'['.repeat(1_000_000)}`
    const result = parseModel(text)
    expect(result._tag === 'Left' && result.left[0]).toMatchObject({ code: 'invalid-json', line: 1 })
  })

  it('a deeply nested value handed to decodeModel directly', () => {
    let nested: unknown = []
    for (let i = 0; i < 1_000_000; i++) nested = [nested]
    const result = decodeModel({ schema: 'orgintel/v2', id: 'x', name: 'x', actors: nested, assets: [], channels: [] })
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([
      ['invalid-type', '/actors/0'],
    ])
  })

  it('a 1,000,000-element array of numbers where actors belong: a capped list', () => {
    const actors = Array.from({ length: 1_000_000 }, (_, i) => i)
    const result = decodeModel({ schema: 'orgintel/v2', id: 'x', name: 'x', actors, assets: [], channels: [] })
    expect(result._tag).toBe('Left')
    if (result._tag === 'Right') return
    expect(result.left).toHaveLength(maxReportedErrors + 1)
    expect(result.left[0]).toMatchObject({ code: 'invalid-type', path: '/actors/0' })
    expect(result.left[maxReportedErrors]).toMatchObject({ code: 'too-many-errors', path: '' })
    expect(result.left[maxReportedErrors]?.message).toContain(String(1_000_000 - maxReportedErrors))
  })

  it('a string where an array belongs, in every collection', () => {
    const text = `${header},"actors":"everyone","assets":"all","channels":"${'c'.repeat(10_000_000)}","loops":"none"}`
    expect(codesAndPaths(parseModel(text))).toEqual([
      ['invalid-type', '/actors'],
      ['invalid-type', '/assets'],
      ['invalid-type', '/channels'],
      ['invalid-type', '/loops'],
    ])
  })

  it('a long id is shortened in messages', () => {
    const id = 'z'.repeat(1_000_000)
    const text = `${header},"actors":[],"assets":[],"channels":[{"id":"${id}","from":"a","to":"b","carries":[],"level":"delivery"}]}`
    const result = parseModel(text)
    expect(result._tag).toBe('Left')
    if (result._tag === 'Right') return
    expect(result.left.map((error) => error.code)).toEqual(['unknown-reference', 'unknown-reference'])
    for (const error of result.left) expect(error.message.length).toBeLessThan(200)
  })
})
