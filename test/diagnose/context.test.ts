import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { quoteId } from '../../src/model/errors.js'
import { compileGraph } from '../../src/graph/compile.js'
import { findSinglePointsOfFailure } from '../../src/graph/fragility.js'
import { readChannelCargo } from '../../src/diagnose/cargo.js'
import { createDiagnosisContext } from '../../src/diagnose/context.js'
import { defaultLoopBounds } from '../../src/diagnose/config.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { defineRule } from '../../src/diagnose/define-rule.js'
import { maskOf } from '../../src/diagnose/flow.js'
import { listInWords, quoteIdQuickly } from '../../src/diagnose/naming.js'
import { compareDefects } from '../../src/diagnose/order.js'
import { noOptions } from '../../src/diagnose/rule-options.js'
import { actorsInWords, sortedUnique, withId } from '../../src/diagnose/rules/words.js'
import { compiledArrays } from '../graph/fixtures.js'
import { buildModel } from './build.js'

const kinds = ['patient', 'carer', 'clinician', 'manager', 'commissioner', 'board'] as const
const assetKinds = ['experience', 'evidence', 'data', 'insight', 'decision', 'plan', 'strategy', 'change', 'response', 'lesson'] as const
const levels = ['delivery', 'planning', 'strategy'] as const
const statuses = ['active', 'active', 'inactive', 'planned'] as const

/** Random decoded models: every status, level and asset kind; ids listed out of order. */
const arbitraryModel: fc.Arbitrary<Model> = fc
  .record({
    actors: fc.array(fc.record({ kind: fc.constantFrom(...kinds), levels: fc.subarray([...levels], { minLength: 1 }) }), { minLength: 1, maxLength: 9 }),
    assets: fc.array(fc.record({ kind: fc.constantFrom(...assetKinds), holder: fc.nat() }), { maxLength: 10 }),
    channels: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        level: fc.constantFrom(...levels),
        status: fc.constantFrom(...statuses),
        carries: fc.array(fc.nat(), { maxLength: 3 }),
        signed: fc.boolean(),
      }),
      { maxLength: 24 },
    ),
  })
  .map(({ actors, assets, channels }) =>
    buildModel({
      actors: actors.map((actor, i) => [`a${(i * 7) % 10}${i}`, actor.kind, actor.levels] as const),
      assets: assets.map((asset, i) => [`k${i}`, asset.kind, `a${((asset.holder % actors.length) * 7) % 10}${asset.holder % actors.length}`] as const),
      channels: channels.map((channel, i) => {
        const id = (n: number): string => `a${((n % actors.length) * 7) % 10}${n % actors.length}`
        const carried = assets.length === 0 ? [] : [...new Set(channel.carries.map((k) => `k${k % assets.length}`))]
        return [
          `c${(i * 3) % 7}${i}`,
          id(channel.from),
          id(channel.to),
          carried,
          { level: channel.level, status: channel.status, ...(channel.signed ? {} : { polarity: undefined }) },
        ] as const
      }),
    }),
  )

const contextOf = (model: Model) => createDiagnosisContext(model, { loopBounds: defaultLoopBounds, names: false })


describe('diagnosis context', () => {
  it('cuts each level out of the whole graph exactly as compiling the level would', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const context = contextOf(model)
        for (const level of levels) expect(compiledArrays(context.graphAt(level))).toEqual(compiledArrays(compileGraph(context.model, { level })))
      }),
      { numRuns: 150, seed: 7 },
    )
  })

  it('finds single points of failure on its level graphs exactly as on the model compiled at that level', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const context = contextOf(model)
        for (const level of levels) expect(context.singlePointsAt(level, 1e9)).toEqual(findSinglePointsOfFailure(context.model, { level, maxSearchSteps: 1e9 }))
      }),
      { numRuns: 150, seed: 11 },
    )
  })

  it('reads what channels carry once: kinds per edge, assets carried, idle channels and unsigned channels', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const context = contextOf(model)
        const kindOf = new Map(context.model.assets.map((asset) => [asset.id, asset.kind]))
        const graph = context.graph
        const expected = Array.from(graph.edgeChannel, (c) =>
          context.model.channels[c]!.carries.reduce((mask, id) => mask | (kindOf.has(id) ? maskOf(kindOf.get(id)!) : 0), 0),
        )
        expect([...context.carriedKinds()]).toEqual(expected)
        const cargo = readChannelCargo(context.model)
        for (const [k, asset] of context.model.assets.entries()) {
          const active = context.model.channels.some((channel) => channel.status === 'active' && channel.carries.includes(asset.id))
          expect(cargo.carriedByActive[k]).toBe(active ? 1 : 0)
          const idle = context.model.channels.filter((channel) => channel.status !== 'active' && channel.carries.includes(asset.id))
          expect(cargo.idleChannels.get(asset.id) ?? []).toEqual(idle.map((channel) => channel.id))
        }
        expect([...cargo.unsignedChannels]).toEqual(context.model.channels.filter((channel) => channel.polarity === undefined).map((channel) => channel.id))
      }),
      { numRuns: 150, seed: 11 },
    )
  })

  it('finds actors and assets by id, as a plain map of the model would', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const context = contextOf(model)
        for (const actor of model.actors) expect(context.actor(actor.id)).toBe(actor)
        for (const asset of model.assets) expect(context.asset(asset.id)).toBe(asset)
        expect(context.actor('missing' as never)).toBeUndefined()
        expect(context.asset('missing' as never)).toBeUndefined()
      }),
      { numRuns: 60, seed: 3 },
    )
  })
})

describe('diagnosis order', () => {
  it('sorts defects by the total order of compareDefects, plugins included', () => {
    // A plugin that reports in reverse order, with the same severity as a built-in rule.
    const backwards = defineRule({
      id: 'backwards',
      description: 'Reports every actor, last first.',
      defaultSeverity: 'warning',
      options: noOptions,
      check: (context) =>
        [...context.model.actors].reverse().map((actor) => ({ message: `${actor.id} is here.`, actors: [actor.id], channels: [] })),
    })
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const defects = diagnose(model, { plugins: [backwards] }).defects
        expect(defects).toEqual([...defects].sort(compareDefects))
        expect(defects.filter((defect) => defect.rule === 'backwards')).toHaveLength(model.actors.length)
      }),
      { numRuns: 80, seed: 5 },
    )
  })
})

describe('wording helpers', () => {
  it('quotes ids as quoteId does, plain or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[\w.:@/+-]{0,70}$/), fc.constantFrom('a\u0000b', 'x\u202ey', "it's")), (id) => {
        expect(quoteIdQuickly(id)).toBe(quoteId(id))
      }),
      { numRuns: 500, seed: 1 },
    )
  })

  it('names only the actors a long list shows, in the words listInWords uses', () => {
    const context = contextOf(buildModel({ actors: [['p', 'patient']] }))
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 12 }), fc.integer({ min: 2, max: 7 }), (ids, most) => {
        expect(actorsInWords(context, ids, most)).toBe(listInWords(ids.map(context.naming.actor), most))
      }),
      { numRuns: 300, seed: 2 },
    )
  })

  it('sorts ids without repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'a', 'b', 'ab', '__proto__', 'B', '\u0000')), (ids) => {
        expect(sortedUnique(ids)).toEqual([...new Set(ids)].sort())
      }),
      { numRuns: 300, seed: 4 },
    )
  })

  it('puts one more id in its place in a sorted list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 })), fc.string({ maxLength: 4 }), (ids, id) => {
        const sorted = [...ids].sort()
        expect(withId(sorted, id)).toEqual([...new Set([...sorted, id])].sort())
      }),
      { numRuns: 300, seed: 3 },
    )
  })
})
