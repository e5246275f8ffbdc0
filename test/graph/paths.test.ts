import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { returnPath, shortestLoopThrough, type ReturnPath } from '../../src/graph/paths.js'
import { arbitrarySpec, buildModel, type ModelSpec } from './fixtures.js'

/** Floyd–Warshall over active channels: [hops, latency] matrices (Infinity when unreachable). */
const allPairs = (spec: ModelSpec, weight: 'hops' | 'latency'): number[][] => {
  const n = spec.actors
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity))
  for (const edge of spec.edges) {
    if ((edge.status ?? 'active') !== 'active') continue
    const w = weight === 'hops' ? 1 : edge.latencyDays ?? 0
    d[edge.from]![edge.to] = Math.min(d[edge.from]![edge.to]!, w)
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!)
  }
  return d
}

const checkWalk = (model: Model, path: ReturnPath, from: string, to: string): void => {
  expect(path.actors[0]).toBe(from)
  expect(path.actors[path.actors.length - 1]).toBe(to)
  expect(path.channels.length).toBe(path.hops)
  let latency = 0
  path.channels.forEach((id, i) => {
    const channel = model.channels.find((c) => c.id === id)!
    expect([channel.from, channel.to, channel.status]).toEqual([path.actors[i], path.actors[i + 1], 'active'])
    latency += channel.latencyDays ?? 0
  })
  expect(path.latencyDays).toBe(latency)
}

describe('returnPath and shortestLoopThrough', () => {
  it('agree with Floyd–Warshall on hops and on latency', () => {
    fc.assert(
      fc.property(arbitrarySpec(), fc.constantFrom<'hops' | 'latency'>('hops', 'latency'), (spec, weight) => {
        const model = buildModel(spec)
        const d = allPairs(spec, weight)
        const ids = model.actors.map((a) => a.id)
        for (let i = 0; i < spec.actors; i++) {
          for (let j = 0; j < spec.actors; j++) {
            const path = returnPath(model, ids[i]!, ids[j]!, { weight })
            if (i === j) {
              expect(path).toEqual({ actors: [ids[i]], channels: [], hops: 0, latencyDays: 0 })
              continue
            }
            if (d[i]![j] === Infinity) expect(path).toBeUndefined()
            else {
              checkWalk(model, path!, ids[i]!, ids[j]!)
              expect(weight === 'hops' ? path!.hops : path!.latencyDays).toBe(d[i]![j])
              expect(new Set(path!.actors).size).toBe(path!.actors.length)
            }
          }
          const loop = shortestLoopThrough(model, ids[i]!, { weight })
          if (d[i]![i] === Infinity) expect(loop).toBeUndefined()
          else {
            checkWalk(model, loop!, ids[i]!, ids[i]!)
            expect(weight === 'hops' ? loop!.hops : loop!.latencyDays).toBe(d[i]![i])
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('answers undefined for unknown actors and respects the level', () => {
    const model = buildModel({ actors: 2, edges: [{ from: 0, to: 1, level: 'planning' }] })
    expect(returnPath(model, 'n0' as never, 'nobody' as never)).toBeUndefined()
    expect(returnPath(model, 'n0' as never, 'n1' as never)?.hops).toBe(1)
    expect(returnPath(model, 'n0' as never, 'n1' as never, { level: 'delivery' })).toBeUndefined()
  })
})
