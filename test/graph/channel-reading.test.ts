import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileCarriage } from '../../src/graph/carriage.js'
import { channelReadingOf, compileGraph, compileGraphReading } from '../../src/graph/compile.js'
import { compileTrace, traceLoopsOf } from '../../src/graph/trace.js'
import type { Channel, Model } from '../../src/model/codecs.js'
import type { AssetId } from '../../src/model/primitives.js'
import { arbitrarySpec, toModel } from './trace-spec.js'

// A compile that notes what each channel carries while it passes the channel
// (compileGraphReading, what traces and the diagnosis use) must give what reading the
// channels afterwards gives (compileGraph, then the carriage reads them itself).

/** The model with channels of one sender that list the same ids sharing one array, as builders and generators make them. */
const sharingLists = (model: Model): Model => {
  const lists = new Map<string, ReadonlyArray<AssetId>>()
  const channels = model.channels.map((channel): Channel => {
    const key = JSON.stringify([channel.from, channel.carries])
    const shared = lists.get(key)
    if (shared === undefined) lists.set(key, channel.carries)
    return shared === undefined ? channel : { ...channel, carries: shared }
  })
  return { ...model, channels }
}

const carriageArrays = (model: Model, read: boolean) => {
  const carriage = compileCarriage(read ? compileGraphReading(model) : compileGraph(model))
  const { graph: _graph, assetIndex: _index, ...arrays } = carriage
  return arrays
}

const models = arbitrarySpec.map(toModel).chain((model) => fc.constantFrom(model, sharingLists(model)))

describe('a compile that reads the channels as it passes them', () => {
  it("notes each edge's channel's list and where the channels that are not active are, and compiles the same graph", () => {
    fc.assert(
      fc.property(models, (model) => {
        const read = compileGraphReading(model)
        const plain = compileGraph(model)
        const { model: _read, ...readArrays } = read
        const { model: _plain, ...plainArrays } = plain
        expect(readArrays).toEqual(plainArrays)
        expect(channelReadingOf(plain)).toBeUndefined()
        const reading = channelReadingOf(read)!
        expect(reading.carried).toHaveLength(read.edgeCount)
        reading.carried.forEach((carries, e) => expect(carries).toBe(model.channels[read.edgeChannel[e]!]!.carries))
        expect(reading.idle).toEqual(model.channels.flatMap((channel, c) => (channel.status === 'active' ? [] : [c])))
      }),
      { numRuns: 200 },
    )
  })

  it('finds every channel that carries each asset from someone who has it, as a fixpoint over sets does', () => {
    fc.assert(
      fc.property(models, (model) => {
        const graph = compileGraphReading(model)
        const carriage = compileCarriage(graph)
        model.assets.forEach((asset, a) => {
          const have = new Set<string>([asset.holder])
          const carrying = new Set<number>()
          for (let grew = true; grew; ) {
            grew = false
            for (let e = 0; e < graph.edgeCount; e++) {
              const channel = model.channels[graph.edgeChannel[e]!]!
              if (!have.has(channel.from) || !channel.carries.includes(asset.id) || carrying.has(e)) continue
              carrying.add(e)
              have.add(channel.to)
              grew = true
            }
          }
          // (A channel that lists an asset twice is a carrier twice.)
          const found = new Set(carriage.carrierEdges.subarray(carriage.carrierOffsets[a]!, carriage.carrierOffsets[a + 1]!))
          expect([...found].sort((x, y) => x - y)).toEqual([...carrying].sort((x, y) => x - y))
        })
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same carriage, whether or not channels share their lists', () => {
    fc.assert(
      fc.property(arbitrarySpec.map(toModel), (model) => {
        const expected = carriageArrays(model, false)
        expect(carriageArrays(model, true)).toEqual(expected)
        expect(carriageArrays(sharingLists(model), true)).toEqual(expected)
        expect(carriageArrays(sharingLists(model), false)).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same traced loops, stops and the channels that lapsed included', () => {
    fc.assert(
      fc.property(models, (model) => {
        const read = compileTrace(model)
        const plain = compileTrace(model, compileGraph(model))
        expect(traceLoopsOf(read)).toEqual(traceLoopsOf(plain))
        expect(read.idleFrom()).toEqual(plain.idleFrom())
        read.graph.actors.forEach((actor, v) => expect(read.idleAt(v)).toEqual(read.idleFrom().get(actor.id)))
      }),
      { numRuns: 200 },
    )
  })

  it('compiles a later model with the same actors, reusing the ends of channels it still lists, as it compiles it afresh', () => {
    // Channels kept as they were, put back in their place changed (brought back, or now carrying more), new, or gone.
    const edits = fc.array(fc.constantFrom('keep', 'keep', 'replace', 'insert', 'drop'), { maxLength: 20 })
    fc.assert(
      fc.property(models, edits, fc.nat(6), (model, plan, to) => {
        const channels: Channel[] = []
        model.channels.forEach((channel, c) => {
          const edit = plan[c] ?? 'keep'
          if (edit === 'insert') channels.push({ ...channel, id: `new-${c}` as Channel['id'], to: model.actors[to % model.actors.length]!.id, status: 'active' })
          if (edit === 'replace') channels.push({ ...channel, to: model.actors[to % model.actors.length]!.id, status: 'active', carries: [...channel.carries, model.assets[0]!.id] })
          else if (edit !== 'drop') channels.push(channel)
        })
        const later: Model = { ...model, channels }
        const earlier = compileGraphReading(model)
        const reused = compileGraphReading(later, earlier)
        const afresh = compileGraphReading(later)
        const { model: _reused, ...reusedArrays } = reused
        const { model: _afresh, ...afreshArrays } = afresh
        expect(reusedArrays).toEqual(afreshArrays)
        expect(channelReadingOf(reused)).toEqual(channelReadingOf(afresh))
      }),
      { numRuns: 300 },
    )
  })

  it('looks a shared list up once per run of channels, even with empty lists between them', () => {
    const model = toModel({
      actors: 3,
      assets: [{ kind: 'experience', holder: 0 }, { kind: 'data', holder: 0 }],
      channels: [
        { from: 0, to: 1, carries: [0, 1], active: true, latency: 1 },
        { from: 0, to: 2, carries: [], active: true, latency: 1 },
        { from: 0, to: 2, carries: [0, 1], active: true, latency: 2 },
        { from: 0, to: 1, carries: [1], active: true, latency: 1 },
        { from: 1, to: 2, carries: [0], active: false, latency: 1 },
      ],
    })
    const shared = model.channels[0]!.carries
    const sharing: Model = { ...model, channels: model.channels.map((channel, c) => (c === 2 ? { ...channel, carries: shared } : channel)) }
    const carriage = compileCarriage(compileGraphReading(sharing))
    // k0 travels on c0 and c2; k1 on c0, c2 and c3: the empty list between does not break the run.
    expect([...carriage.carrierEdges.subarray(carriage.carrierOffsets[0]!, carriage.carrierOffsets[1]!)]).toEqual([0, 2])
    expect([...carriage.carrierEdges.subarray(carriage.carrierOffsets[1]!, carriage.carrierOffsets[2]!)]).toEqual([0, 2, 3])
    expect(carriageArrays(sharing, true)).toEqual(carriageArrays(model, false))
  })
})
