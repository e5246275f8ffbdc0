import { type CompiledGraph, compileGraph } from '../graph/compile.js'
import type { Channel, Model } from '../model/codecs.js'
import { levels } from '../model/vocabulary.js'
import type { AddedChannel, Intervention } from './interventions.js'
import type { ChannelParameters } from './parameters.js'
import { assetKindBit } from '../graph/edge-data.js'
import { type ItemPaths, compileItemPaths } from './item-paths.js'

/** Bit of an asset kind in {@link SimulationNetwork.holds}: the graph's one layout. @internal */
export const kindBit = assetKindBit

/**
 * The organisation as the engine sees it: the compiled graph of active channels plus
 * added ones, and the mutable state interventions change. Built once per run. @internal
 */
export interface SimulationNetwork {
  readonly graph: CompiledGraph
  /** Where items can travel and what they are made into: the graph's carriage and provenance. */
  readonly paths: ItemPaths
  readonly reliability: Float64Array
  readonly latency: Float64Array
  /** Per edge: the sending actor. */
  readonly edgeSource: Int32Array
  /** Per edge: 1 while the channel is open; an open edge always joins two actors not removed. */
  readonly enabled: Uint8Array
  /** Per actor: 1 once removed. */
  readonly removed: Uint8Array
  /** Per actor: bits of the asset kinds it holds. */
  readonly holds: Uint16Array
  /** Per actor: index of its lowest level. */
  readonly actorLevel: Uint8Array
  /** Channel id → its edges. */
  readonly edgesOfChannel: ReadonlyMap<string, ReadonlyArray<number>>
  /** Per intervention (by position): the edge an `add-channel` opens, or -1. */
  readonly addedEdge: Int32Array
}

const toChannel = (channel: AddedChannel, id: string): Channel =>
  ({
    id,
    from: channel.from,
    to: channel.to,
    carries: channel.carries,
    level: channel.level,
    status: 'active',
    ...(channel.latencyDays === undefined ? {} : { latencyDays: channel.latencyDays }),
    ...(channel.reliability === undefined ? {} : { reliability: channel.reliability }),
  }) as Channel

/** What each channel carries and what is made from what: the graph's one definition, as the diagnosis traces it. */
const compileParts = (model: Model): { readonly graph: CompiledGraph; readonly paths: ItemPaths } => {
  const graph = compileGraph(model, { includeInactive: false })
  return { graph, paths: compileItemPaths(graph) }
}

/** The compiled parts of models run without added channels, so a sweep compiles its model once per thread. */
const compiled = new WeakMap<Model, ReturnType<typeof compileParts>>()
const compiledOnce = (model: Model): ReturnType<typeof compileParts> => {
  let parts = compiled.get(model)
  if (parts === undefined) compiled.set(model, (parts = compileParts(model)))
  return parts
}

/**
 * Compile the network for a run: active channels of the model plus every channel an
 * intervention adds (closed until its day). The graph and item paths are immutable and
 * kept per model object when no channel is added. O(V + E + assets), plus the item
 * paths the first time.
 * @internal
 */
export const buildNetwork = (
  model: Model,
  interventions: ReadonlyArray<Intervention>,
  defaults: { readonly latencyDays: number; readonly reliability: number },
  overrides: ReadonlyArray<ChannelParameters> = [],
): SimulationNetwork => {
  const override = new Map(overrides.map((entry) => [entry.channel, entry]))
  const added: Channel[] = []
  const addedChannelIndex = new Int32Array(interventions.length).fill(-1)
  interventions.forEach((intervention, index) => {
    if (intervention.kind !== 'add-channel') return
    addedChannelIndex[index] = model.channels.length + added.length
    added.push(toChannel(intervention.channel, intervention.channel.id ?? `added-${added.length + 1}`))
  })
  const extended: Model = added.length === 0 ? model : { ...model, channels: [...model.channels, ...added] }
  const { graph, paths } = added.length === 0 ? compiledOnce(model) : compileParts(extended)
  const m = graph.edgeCount
  const reliability = new Float64Array(m)
  const latency = new Float64Array(m)
  const enabled = new Uint8Array(m).fill(1)
  const edgesOfChannel = new Map<string, number[]>()
  // Only channels that interventions name need an id → edges index.
  const named = new Set<string>()
  for (const intervention of interventions) {
    if (intervention.kind !== 'add-channel' && intervention.kind !== 'remove-actor' && intervention.channel !== undefined) named.add(intervention.channel)
  }
  const edgeOfChannelIndex = new Int32Array(extended.channels.length).fill(-1)
  for (let e = 0; e < m; e++) {
    const channel = extended.channels[graph.edgeChannel[e]!]!
    edgeOfChannelIndex[graph.edgeChannel[e]!] = e
    const own = override.size === 0 ? undefined : override.get(channel.id)
    reliability[e] = own?.reliability ?? channel.reliability ?? defaults.reliability
    latency[e] = own?.latencyDays ?? channel.latencyDays ?? defaults.latencyDays
    if (named.size === 0 || !named.has(channel.id)) continue
    const list = edgesOfChannel.get(channel.id)
    if (list === undefined) edgesOfChannel.set(channel.id, [e])
    else list.push(e)
  }
  const addedEdge = new Int32Array(interventions.length).fill(-1)
  addedChannelIndex.forEach((channelIndex, index) => {
    const edge = channelIndex < 0 ? -1 : edgeOfChannelIndex[channelIndex]!
    if (edge < 0) return
    addedEdge[index] = edge
    enabled[edge] = 0
  })

  const n = graph.actorCount
  const edgeSource = new Int32Array(m)
  for (let v = 0; v < n; v++) for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) edgeSource[e] = v
  const holds = new Uint16Array(n)
  for (const asset of model.assets) {
    const v = graph.indexOf.get(asset.holder)
    if (v !== undefined) holds[v]! |= kindBit(asset.kind)
  }
  const actorLevel = new Uint8Array(n)
  for (let v = 0; v < n; v++) {
    const own = graph.actors[v]!.levels
    actorLevel[v] = Math.min(...own.map((level) => levels.indexOf(level)))
  }
  return { graph, paths, reliability, latency, edgeSource, enabled, removed: new Uint8Array(n), holds, actorLevel, edgesOfChannel, addedEdge }
}
