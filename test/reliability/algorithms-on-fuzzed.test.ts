/**
 * Algorithms on whatever decodes (issue 8): for generated valid models, the graph
 * algorithms finish without throwing and keep their promises. Checks for modules not
 * yet in the root entry are skipped and say so.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Model, compileGraph, decodeModel } from '../../src/index.js'
import { generateModel } from './generate-model.js'
import { nameMarker, freeTextMarker } from './hostile-text.js'
import { defectsOf, diagnose, findLoops, proposedChannelsOf, suggestRepairs } from './library-surface.js'
import { createRandom } from './random.js'

const modelCount = Number(process.env['FUZZ_MODELS'] ?? 2_000)

let cachedModels: Model[] | undefined

/** The decoded generated models, built once for all the tests of this file. */
const models = (): Model[] => {
  if (cachedModels !== undefined) return cachedModels
  const decoded: Model[] = []
  for (let i = 0; i < modelCount; i++) {
    const result = decodeModel(generateModel(createRandom(5_000 + i), { maxActors: 10, hostility: 0.2 }))
    if (E.isRight(result)) decoded.push(result.right)
  }
  cachedModels = decoded
  return decoded
}

describe(`algorithms on ${modelCount} generated models`, () => {
  it('compileGraph: CSR offsets are monotone, every edge is an active channel between its ends', () => {
    for (const model of models()) {
      const graph = compileGraph(model)
      expect(graph.offsets[graph.actorCount]).toBe(graph.edgeCount)
      for (let v = 0; v < graph.actorCount; v++) {
        expect(graph.offsets[v + 1]!).toBeGreaterThanOrEqual(graph.offsets[v]!)
        for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
          const channel = model.channels[graph.edgeChannel[e]!]!
          expect(channel.status).toBe('active')
          expect([channel.from, channel.to]).toEqual([graph.actors[v]!.id, graph.actors[graph.targets[e]!]!.id])
        }
      }
      expect(graph.edgeCount).toBe(model.channels.filter((channel) => channel.status === 'active').length)
    }
  })

  it.skipIf(findLoops === undefined)('findLoops: every loop is an elementary cycle of active channels', () => {
    for (const model of models()) {
      const active = new Map(model.channels.filter((c) => c.status === 'active').map((c) => [c.id as string, c]))
      const search = findLoops!(model)
      expect(typeof search.truncated).toBe('boolean')
      for (const loop of search.loops) {
        expect(new Set(loop.actors).size).toBe(loop.actors.length)
        expect(loop.channels).toHaveLength(loop.actors.length)
        loop.actors.forEach((actor, step) => {
          const next = loop.actors[(step + 1) % loop.actors.length]
          expect(loop.channels[step]!.length).toBeGreaterThan(0)
          for (const id of loop.channels[step]!) expect([active.get(id)?.from, active.get(id)?.to]).toEqual([actor, next])
        })
      }
    }
  })

  it.skipIf(diagnose === undefined)('diagnose: defects name real actors and channels, and never a name', () => {
    for (const model of models()) {
      const actorIds = new Set<string>(model.actors.map((actor) => actor.id))
      const channelIds = new Set<string>(model.channels.map((channel) => channel.id))
      const defects = defectsOf(diagnose!(model))
      for (const defect of defects) {
        expect(['error', 'warning', 'info']).toContain(defect.severity)
        expect(defect.message).not.toContain(nameMarker)
        expect(defect.message).not.toContain(freeTextMarker)
        for (const actor of defect.actors) expect(actorIds.has(actor)).toBe(true)
        for (const channel of defect.channels) expect(channelIds.has(channel)).toBe(true)
      }
    }
  })

  it.skipIf(suggestRepairs === undefined || diagnose === undefined)('suggestRepairs: adding the proposals leaves no open loop', () => {
    for (const model of models()) {
      const proposals = proposedChannelsOf(suggestRepairs!(model))
      const repaired: Model = {
        ...model,
        channels: [
          ...model.channels,
          ...proposals.map((p, i) => ({ id: `repair-${i}`, from: p.from, to: p.to, carries: p.carries, level: p.level, status: 'active' as const }) as Model['channels'][number]),
        ],
      }
      const open = defectsOf(diagnose!(repaired)).filter((defect) => defect.rule === 'open-loop')
      expect(open).toEqual([])
    }
  })
})
