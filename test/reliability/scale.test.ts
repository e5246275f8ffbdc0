/**
 * Scale without crash (issue 8): a chain and a cycle of 1,000,000 actors through
 * compiling and (as they land) the graph algorithms; nothing may overflow the stack, as
 * every traversal is iterative. Decoding is checked at 100,000 actors here (it is the
 * slow step on a shared 2-core machine; `npm run fuzz` decodes the full size).
 * ORGINTEL_SCALE_ACTORS and ORGINTEL_SCALE_DECODE change the sizes.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Model, compileGraph, decodeModel } from '../../src/index.js'
import { findLoops, stronglyConnectedComponents } from './library-surface.js'

const actorCount = Number(process.env['ORGINTEL_SCALE_ACTORS'] ?? 1_000_000)
const decodeCount = Number(process.env['ORGINTEL_SCALE_DECODE'] ?? 100_000)

/** A chain a0 → a1 → … → a(n-1), closed into a cycle when `closed`, as a document. */
const chainDocument = (count: number, closed: boolean) => {
  const actors = new Array<Record<string, unknown>>(count)
  const channels = new Array<Record<string, unknown>>(closed ? count : count - 1)
  for (let i = 0; i < count; i++) {
    actors[i] = { id: `a${i}`, name: `A ${i}`, kind: i % 2 === 0 ? 'patient' : 'clinician', perspective: i % 2 === 0 ? 'lay' : 'professional', levels: ['delivery'], tags: [] }
  }
  for (let i = 0; i < channels.length; i++) {
    channels[i] = { id: `c${i}`, from: `a${i}`, to: `a${(i + 1) % count}`, carries: [], level: 'delivery', status: 'active' }
  }
  return { schema: 'orgintel/v1', id: 'chain', name: 'chain', actors, assets: [], channels, loops: [] }
}

let cached: { readonly closed: boolean; readonly model: Model } | undefined

/**
 * The same chain as a model, built directly (every default already filled in) and
 * kept for the next test of the same shape: building a million actors is the slow part.
 */
const chainModel = (closed: boolean): Model => {
  if (cached?.closed !== closed) {
    cached = undefined
    cached = { closed, model: chainDocument(actorCount, closed) as unknown as Model }
  }
  return cached.model
}

describe(`scale: ${actorCount} actors`, () => {
  for (const closed of [false, true]) {
    const shape = closed ? 'cycle' : 'chain'
    it(`decodes a ${shape} of ${decodeCount} actors`, () => {
      const result = decodeModel(chainDocument(decodeCount, closed))
      expect(E.isRight(result) && result.right.actors.length).toBe(decodeCount)
    })

    it(`compiles a ${shape}`, () => {
      const graph = compileGraph(chainModel(closed))
      expect(graph.actorCount).toBe(actorCount)
      expect(graph.edgeCount).toBe(closed ? actorCount : actorCount - 1)
      expect(graph.targets[graph.offsets[actorCount - 2]!]).toBe(actorCount - 1)
    })

    it.skipIf(stronglyConnectedComponents === undefined)(`finds the strongly connected components of a ${shape}`, () => {
      expect(() => stronglyConnectedComponents!(chainModel(closed))).not.toThrow()
    })

    it.skipIf(findLoops === undefined)(`finds the loops of a ${shape} within the default bounds`, () => {
      const search = findLoops!(chainModel(closed))
      // The cycle is longer than any default maxLength, so it is reported as truncated.
      if (closed) expect(search.truncated || search.loops.length === 1).toBe(true)
      else expect(search.loops).toEqual([])
    })
  }
})
