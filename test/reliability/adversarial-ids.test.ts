/**
 * Hostile ids and text (issue 8): prototype keys, invisible and bidirectional
 * characters, diagram keywords, markup, quotes, 10k-character names. Decoding works,
 * nothing pollutes (the setup file checks the prototypes after every test), and
 * messages quote ids safely and never quote names.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compileGraph, decodeModel, formatModelErrors } from '../../src/index.js'
import type { ModelError } from '../../src/index.js'
import { adversarialIds, adversarialNames, nameMarker, unsafeMessageCharacters } from './hostile-text.js'
import { maxMessageLength } from './check-result.js'

const hostileModel = () => ({
  schema: 'orgintel/v2',
  id: '__proto__',
  name: adversarialNames[0],
  actors: adversarialIds.map((id, i) => ({
    id,
    name: adversarialNames[i % adversarialNames.length],
    kind: i % 2 === 0 ? 'patient' : 'clinician',
    levels: ['delivery'],
    tags: ['__proto__', 'constructor'],
  })),
  assets: adversarialIds.map((id, i) => ({ id, name: adversarialNames[i % adversarialNames.length], kind: 'experience', holder: id })),
  channels: adversarialIds.map((id, i) => ({
    id,
    from: id,
    to: adversarialIds[(i + 1) % adversarialIds.length],
    carries: [id],
    level: 'delivery',
  })),
  loops: [{ id: 'constructor', name: adversarialNames[1], level: 'delivery', through: [...adversarialIds, adversarialIds[0]] }],
})

const errorsOf = (input: unknown): ReadonlyArray<ModelError> => {
  const result = decodeModel(input)
  if (E.isRight(result)) throw new Error('expected errors')
  return result.left
}

describe('adversarial ids and names', () => {
  it('decodes a model whose every id is hostile, keeping each id exactly', () => {
    const result = decodeModel(hostileModel())
    expect(E.isRight(result)).toBe(true)
    if (!E.isRight(result)) return
    expect(result.right.actors.map((actor) => actor.id)).toEqual(adversarialIds)
    expect(result.right.channels.map((channel) => channel.to)).toEqual([...adversarialIds.slice(1), adversarialIds[0]])
    expect(Object.getPrototypeOf(result.right.actors[0])).toBe(Object.prototype)
  })

  it('compiles the hostile model with every id indexed', () => {
    const result = decodeModel(hostileModel())
    if (!E.isRight(result)) throw new Error('does not decode')
    const graph = compileGraph(result.right)
    expect(graph.actorCount).toBe(adversarialIds.length)
    expect(graph.edgeCount).toBe(adversarialIds.length)
    for (const [index, id] of adversarialIds.entries()) expect(graph.indexOf.get(id as never)).toBe(index)
  })

  it('reports duplicated prototype-key ids as duplicates', () => {
    const model = hostileModel()
    model.actors.push({ ...model.actors[0]!, id: '__proto__' }, { ...model.actors[1]!, id: 'constructor' })
    const codes = errorsOf(model).map((error) => `${error.code} ${error.path}`)
    expect(codes).toEqual([`duplicate-id /actors/${adversarialIds.length}/id`, `duplicate-id /actors/${adversarialIds.length + 1}/id`])
  })

  it('reports references to missing hostile ids, quoting them safely and never naming anyone', () => {
    const model = hostileModel()
    const missing = ['\u202emissing', `${'z'.repeat(10_000)}`, 'toString\u200b', '<script>missing()</script>', '__proto__ ']
    model.channels = missing.map((id, i) => ({ id: `c${i}`, from: id, to: adversarialIds[0]!, carries: [], level: 'delivery' }))
    const errors = errorsOf(model)
    expect(errors.map((error) => error.path)).toEqual(missing.map((_, i) => `/channels/${i}/from`))
    for (const error of errors) {
      expect(error.code).toBe('unknown-reference')
      expect(error.message).not.toMatch(unsafeMessageCharacters)
      expect(error.message.length).toBeLessThan(maxMessageLength)
      expect(error.message).not.toContain(nameMarker)
    }
    expect(errors[0]!.message).toContain('\\u202emissing')
    expect(errors[2]!.message).toContain('toString\\u200b')
    expect(formatModelErrors(errors)).not.toContain(nameMarker)
  })

  it('never quotes a name or the description when a hostile model has shape errors', () => {
    const model = { ...hostileModel(), description: `${nameMarker} free text` }
    model.actors = model.actors.map((actor) => ({ ...actor, levels: [] as string[] }))
    const errors = errorsOf(model)
    expect(errors).toHaveLength(adversarialIds.length)
    for (const error of errors) {
      expect(error.message).not.toContain(nameMarker)
      expect(error.message).not.toMatch(unsafeMessageCharacters)
    }
  })

  // An id made only of zero-width characters must not look empty in a message.
  it('shows an id made only of zero-width characters visibly', () => {
    const errors = errorsOf({
      schema: 'orgintel/v2', id: 'm', name: 'm', actors: [], assets: [],
      channels: [{ id: 'c', from: '\u200b', to: '\ufeff', carries: [], level: 'delivery' }],
    })
    for (const error of errors) expect(error.message).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/)
  })
})
