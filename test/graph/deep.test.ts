import { describe, expect, it } from 'vitest'
import type { Actor, Channel, Model } from '../../src/model/codecs.js'
import type { ActorId, ChannelId } from '../../src/model/primitives.js'
import { compileGraph } from '../../src/graph/compile.js'
import { componentsOf, stronglyConnectedComponents } from '../../src/graph/components.js'
import { findLoopsInGraph } from '../../src/graph/loops.js'
import { returnPath, returnPathInGraph } from '../../src/graph/paths.js'
import { repairsForGraph, suggestRepairs } from '../../src/graph/repairs.js'

const size = 1_000_000

/** A chain a0 → a1 → … (and, when `closed`, back to a0), built without per-item spreads. */
const chain = (closed: boolean): Model => {
  const levels = ['delivery'] as const
  const carries: ReadonlyArray<never> = []
  const actors: Actor[] = new Array(size)
  for (let i = 0; i < size; i++) {
    actors[i] = { id: `a${i}` as ActorId, name: 'A' as Actor['name'], kind: 'clinician', perspective: i === 0 ? 'lay' : 'professional', levels, tags: carries }
  }
  const channels: Channel[] = []
  for (let i = 0; i + 1 < size || (closed && i + 1 === size); i++) {
    channels.push({ id: `c${i}` as ChannelId, from: `a${i}` as ActorId, to: `a${(i + 1) % size}` as ActorId, carries, level: 'delivery', status: 'active' })
  }
  return { schema: 'orgintel/v2', id: 'deep' as Model['id'], name: 'Deep' as Model['name'], actors, assets: [], channels, loops: [] }
}

describe('a million actors deep, no stack overflow', () => {
  it('a chain: a million components, no loops, one repair, a path end to end', { timeout: 180_000 }, () => {
    const model = chain(false)
    const graph = compileGraph(model)
    expect(componentsOf(graph).count).toBe(size)
    expect(findLoopsInGraph(graph)).toEqual({ loops: [], truncated: false })
    expect(returnPath(model, 'a0' as ActorId, `a${size - 1}` as ActorId)?.hops).toBe(size - 1)
    expect(returnPathInGraph(graph, size - 1, 0)).toBeUndefined()
    const repairs = repairsForGraph(graph, 'delivery')
    expect(repairs.map((r) => [r.from, r.to])).toEqual([[`a${size - 1}`, 'a0']])
  })

  it('a cycle: one component; its loop is found only when maxLength allows', { timeout: 180_000 }, () => {
    const model = chain(true)
    const components = stronglyConnectedComponents(model)
    expect(components).toHaveLength(1)
    expect(components[0]).toHaveLength(size)
    const graph = compileGraph(model)
    expect(findLoopsInGraph(graph)).toEqual({ loops: [], truncated: true })
    const full = findLoopsInGraph(graph, { maxLength: size, budget: 10 * size })
    expect(full.truncated).toBe(false)
    expect(full.loops).toHaveLength(1)
    expect(full.loops[0]!.actors[0]).toBe('a0')
    expect(full.loops[0]!.actors).toHaveLength(size)
    expect(findLoopsInGraph(graph, { maxLength: size, budget: size / 2 }).truncated).toBe(true)
    expect(returnPathInGraph(graph, 1, 0, { weight: 'latency' })?.hops).toBe(size - 1)
    expect(suggestRepairs(model, { level: 'delivery' })).toEqual([])
  })
})
