import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findSinglePointsOfFailure } from '../../src/graph/fragility.js'
import { findLoops } from '../../src/graph/loops.js'
import { arbitrarySpec, bruteForceCycles, buildModel } from './fixtures.js'

describe('findSinglePointsOfFailure', () => {
  it('matches brute force: what lies on every loop through a lay actor', () => {
    fc.assert(
      fc.property(arbitrarySpec(7, 16), (spec) => {
        const model = buildModel(spec)
        const cycles = bruteForceCycles(spec)
        const steps = (cycle: number[]): Array<[number, number]> => cycle.map((v, i) => [v, cycle[(i + 1) % cycle.length]!])
        const expected = new Map<string, Set<string>>()
        const add = (key: string, lay: string): void => {
          expected.set(key, (expected.get(key) ?? new Set()).add(lay))
        }
        model.actors.forEach((actor, lay) => {
          if (actor.perspective !== 'lay') return
          const through = cycles.filter((c) => c.includes(lay))
          if (through.length === 0) return
          model.actors.forEach((other, x) => {
            if (x !== lay && through.every((c) => c.includes(x))) add(`actor:${other.id}`, actor.id)
          })
          model.channels.forEach((channel) => {
            if (channel.status !== 'active') return
            const from = model.actors.findIndex((a) => a.id === channel.from)
            const to = model.actors.findIndex((a) => a.id === channel.to)
            const parallel = model.channels.filter((c) => c.status === 'active' && c.from === channel.from && c.to === channel.to).length
            if (parallel === 1 && through.every((c) => steps(c).some(([a, b]) => a === from && b === to))) add(`channel:${channel.id}`, actor.id)
          })
        })
        const actual = new Map(findSinglePointsOfFailure(model).points.map((p) => [`${p.kind}:${p.id}`, new Set<string>(p.affectedLayActors)]))
        expect(actual).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('names the one channel a patient hears back through, and tags the level', () => {
    const model = buildModel({ actors: 3, edges: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 0 }] })
    expect(findSinglePointsOfFailure(model, { level: 'delivery' }).points).toEqual([
      { kind: 'actor', id: 'n0', level: 'delivery', affectedLayActors: ['n2'] },
      { kind: 'actor', id: 'n1', level: 'delivery', affectedLayActors: ['n0', 'n2'] },
      { kind: 'actor', id: 'n2', level: 'delivery', affectedLayActors: ['n0'] },
      { kind: 'channel', id: 'c0', level: 'delivery', affectedLayActors: ['n0', 'n2'] },
      { kind: 'channel', id: 'c3', level: 'delivery', affectedLayActors: ['n0', 'n2'] },
    ])
  })

  it('counts a forum (mixed perspective) as a lay voice: protects it, and counts it on both sides of a loop', () => {
    // n0 forum -> n1 manager -> n2 clinician -> n0: every loop of the forum runs through n1.
    const built = buildModel({ actors: 3, lay: [false, false, false], edges: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 0 }] })
    const model = { ...built, actors: built.actors.map((actor, i) => (i === 0 ? { ...actor, kind: 'forum' as const, perspective: 'mixed' as const } : actor)) }
    const points = findSinglePointsOfFailure(model, { level: 'delivery' }).points
    expect(points.find((point) => point.id === 'n1')?.affectedLayActors).toEqual(['n0'])
    const [loop] = findLoops(model).loops
    expect([loop!.layActors, loop!.professionalActors]).toEqual([1, 3])
    expect([findLoops(model).table.layActorsOf(0), findLoops(model).table.professionalActorsOf(0)]).toEqual([1, 3])
  })

  it('skips a component past the work budget, keeps the others exact, and says it did', () => {
    // Component {n0, n1}: one lay actor, 2 actors + 2 channels = 4 steps.
    // Component {n2, n3, n4}: two lay actors, 3 actors + 3 channels = 12 steps.
    const model = buildModel({
      actors: 5,
      edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }, { from: 2, to: 3 }, { from: 3, to: 4 }, { from: 4, to: 2 }],
    })
    const lay = model.actors.filter((actor) => actor.perspective === 'lay').map((actor) => actor.id)
    expect(lay).toEqual(['n0', 'n2', 'n4'])
    const all = findSinglePointsOfFailure(model)
    expect(all.truncated).toBe(false)
    const inSmall = (point: { id: string }) => ['n0', 'n1', 'c0', 'c1'].includes(point.id)
    expect(findSinglePointsOfFailure(model, { maxSearchSteps: 16 })).toEqual(all)
    expect(all.points.filter(inSmall).length).toBeGreaterThan(0)
    expect(all.points.filter((point) => !inSmall(point)).length).toBeGreaterThan(0)
    // Whichever component comes first, the large one does not fit beside or instead of the small one.
    expect(findSinglePointsOfFailure(model, { maxSearchSteps: 4 })).toEqual({ points: all.points.filter(inSmall), truncated: true })
    expect(findSinglePointsOfFailure(model, { maxSearchSteps: 11 })).toEqual({ points: all.points.filter(inSmall), truncated: true })
    expect(findSinglePointsOfFailure(model, { maxSearchSteps: 3 })).toEqual({ points: [], truncated: true })
  })
})
