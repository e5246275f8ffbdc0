import { Graph } from '@dagrejs/graphlib'
import type * as E from 'fp-ts/lib/Either.js'
import type { Actor, Channel, Model } from '../model/codecs.js'
import { decodeModel } from '../model/decode.js'
import type { ModelError } from '../model/errors.js'
import type { ActorId, ChannelId } from '../model/primitives.js'

const actorPrefix = 'actor:'
const channelPrefix = 'channel:'

/**
 * The graph-level label of a graphlib export: the model without its actors and channels.
 * @category Interop
 */
export type GraphlibModelLabel = Omit<Model, 'actors' | 'channels'>

/**
 * An `@dagrejs/graphlib` multigraph of a model: node ids and edge names are encoded ids
 * ({@link encodeActorNodeId}, {@link encodeChannelEdgeName}); labels are the model's own
 * actors and channels.
 * @category Interop
 */
export type ModelGraph = Graph<GraphlibModelLabel, Actor, Channel>

/**
 * The graphlib node id of an actor: the id behind a fixed prefix, so that ids such as
 * `__proto__` or `constructor` never reach graphlib's object keys raw.
 * @category Interop
 */
export const encodeActorNodeId = (id: string): string => `${actorPrefix}${id}`

/**
 * The graphlib edge name of a channel (the id behind a fixed prefix).
 * @category Interop
 */
export const encodeChannelEdgeName = (id: string): string => `${channelPrefix}${id}`

/**
 * Decode a graphlib node id or edge name made by {@link toGraphlib}, or `undefined` for
 * one it did not make.
 * @category Interop
 */
export const decodeGraphlibId = (
  encoded: string,
): { readonly kind: 'actor'; readonly id: ActorId } | { readonly kind: 'channel'; readonly id: ChannelId } | undefined =>
  encoded.startsWith(actorPrefix)
    ? { kind: 'actor', id: encoded.slice(actorPrefix.length) as ActorId }
    : encoded.startsWith(channelPrefix)
      ? { kind: 'channel', id: encoded.slice(channelPrefix.length) as ChannelId }
      : undefined

/**
 * Export a model as an `@dagrejs/graphlib` graph (directed, multigraph, not compound),
 * e.g. for dagre layouts: one node per actor labelled with the actor, one edge per
 * channel (every status) named by its channel and labelled with it, and the rest of the
 * model as the graph label. Ids are encoded so that `__proto__`, `constructor` or
 * `toString` cannot corrupt graphlib or `Object.prototype`. graphlib's own algorithms
 * are recursive and overflow on deep graphs: use this library's for analysis.
 * O(V + E).
 * @category Interop
 */
export const toGraphlib = (model: Model): ModelGraph => {
  const graph: ModelGraph = new Graph({ directed: true, multigraph: true, compound: false })
  const { actors: _actors, channels: _channels, ...rest } = model
  graph.setGraph(rest)
  for (const actor of model.actors) graph.setNode(encodeActorNodeId(actor.id), actor)
  for (const channel of model.channels) {
    graph.setEdge(encodeActorNodeId(channel.from), encodeActorNodeId(channel.to), channel, encodeChannelEdgeName(channel.id))
  }
  return graph
}

/**
 * Read a model back from a graph made by {@link toGraphlib} (or built the same way):
 * actors from node labels, channels from edge labels, the rest from the graph label, in
 * insertion order, validated with {@link decodeModel}.
 * @category Interop
 */
export const fromGraphlib = (graph: ModelGraph): E.Either<ReadonlyArray<ModelError>, Model> => {
  const actors = graph.nodes().map((node) => graph.node(node))
  const channels = graph.edges().map((edge) => graph.edge(edge))
  return decodeModel({ ...graph.graph(), actors, channels })
}
