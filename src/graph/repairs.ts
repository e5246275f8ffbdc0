import type { Model } from '../model/codecs.js'
import { quoteId } from '../model/errors.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, levels } from '../model/vocabulary.js'
import { type ActorAdjacency, actorAdjacency } from './adjacency.js'
import { type ComponentRole, augmentStrongConnectivity } from './augment.js'
import { type CompiledGraph, compileGraph } from './compile.js'
import { scopeKeepsOnlyLoopChannels } from './edge-data.js'
import { componentsOf } from './components.js'
import type { ProposedChannel } from './types.js'
import { sortById } from '../model/canonical.js'
import { edgesInChannelIdOrder } from './edge-order.js'

/**
 * What a repair is for. `'close-open-loops'`: the fewest channels after which every
 * active channel at the level lies on a loop, so no feedback goes into a void; actors
 * with no channel at the level and loops already closed are left alone. `'connect-level'`:
 * the fewest after which every actor at the level can hear back from every other (the
 * level becomes one strongly connected component, cut-off actors and separate loops
 * joined in).
 * @category Repairs
 */
export type RepairGoal = 'close-open-loops' | 'connect-level'

/**
 * Options for {@link suggestRepairs}. `prefer: 'feedback'` (the default) starts each
 * proposed channel at a professional actor and ends it at a lay actor where the
 * components allow; `'any'` takes the first actor of each component. `goal` (default
 * `'close-open-loops'`): see {@link RepairGoal}.
 * @category Repairs
 */
export interface SuggestRepairsOptions {
  readonly level?: Level
  readonly prefer?: 'feedback' | 'any'
  readonly goal?: RepairGoal
}

const fromPhrase = (role: ComponentRole, from: ActorId, level: Level, alone: boolean): string =>
  role !== 'isolated'
    ? `what reaches ${quoteId(from)} goes no further at the ${level} level`
    : alone
      ? `${quoteId(from)} has no active ${level} channel to or from anyone else`
      : `${quoteId(from)} and the loop it is on have no active ${level} channel to or from the rest of the level`
const toPhrase = (role: ComponentRole, to: ActorId): string =>
  role === 'source'
    ? `nothing comes back to ${quoteId(to)}`
    : role === 'isolated'
      ? `${quoteId(to)} is cut off`
      : `the dead end at ${quoteId(to)} joins the loop`

/**
 * The fewest new channels that close every open loop of one level of a compiled graph
 * (Eswaran & Tarjan 1976; see `augmentStrongConnectivity`): `max(sources, sinks)` of
 * the condensation of its strongly connected components, none when no channel leads
 * from one component to another. With `goal: 'connect-level'`, the fewest that make
 * the level strongly connected instead, so every actor there can hear back from every
 * other: `max(sources, sinks) + isolated`, none for a scope of at most one actor or one
 * already strongly connected. Each channel joins two different components (never a self-loop),
 * preferring a professional sender and a lay receiver; it carries a `response` asset
 * its sender holds, if there is one. Only active channels at `level` count.
 * O(V + E + A) for A assets.
 * @category Repairs
 */
export const repairsForGraph = (
  graph: CompiledGraph,
  level: Level,
  prefer: 'feedback' | 'any' = 'feedback',
  goal: RepairGoal = 'close-open-loops',
): ReadonlyArray<ProposedChannel> =>
  // When the scope already keeps only active channels at `level`, the compiled multigraph
  // itself has the same components and condensation (parallel edges change neither).
  repairsOver(graph, scopeKeepsOnlyLoopChannels(graph, level) ? graph : actorAdjacency(graph, level), level, prefer, goal)

/** {@link repairsForGraph} over `adjacency`: the graph's loop channels at `level`, in the order the search takes them. */
const repairsOver = (
  graph: CompiledGraph,
  adjacency: ActorAdjacency,
  level: Level,
  prefer: 'feedback' | 'any',
  goal: RepairGoal,
): ReadonlyArray<ProposedChannel> => {
  if (graph.actorCount <= 1) return []
  const components = componentsOf(adjacency)
  if (components.count <= 1) return []
  const { arcs, roleOf } = augmentStrongConnectivity(adjacency, components, { isolated: goal === 'connect-level' })

  const size = new Int32Array(components.count)
  for (let v = 0; v < graph.actorCount; v++) size[components.componentOf[v]!]!++
  const sender = new Int32Array(components.count).fill(-1)
  const receiver = new Int32Array(components.count).fill(-1)
  for (let v = 0; v < graph.actorCount; v++) {
    const c = components.componentOf[v]!
    const lay = graph.lay[v] === 1
    if (sender[c] === -1 || (prefer === 'feedback' && !lay && graph.lay[sender[c]!] === 1)) sender[c] = v
    if (receiver[c] === -1 || (prefer === 'feedback' && lay && graph.lay[receiver[c]!] === 0)) receiver[c] = v
  }
  const responseOf = new Map<ActorId, AssetId | undefined>()
  for (const [fromComponent] of arcs) responseOf.set(graph.actors[sender[fromComponent]!]!.id, undefined)
  // The reply each sender holds whose id sorts first (assets in any order).
  const assets = graph.model.assets
  for (let k = 0; k < assets.length; k++) {
    const asset = assets[k]!
    if (asset.kind !== 'response' || !responseOf.has(asset.holder)) continue
    const known = responseOf.get(asset.holder)
    if (known === undefined || asset.id < known) responseOf.set(asset.holder, asset.id)
  }

  const purpose = goal === 'connect-level' ? `let every ${level} actor hear back from every other` : `close every open loop at the ${level} level`
  // "one of the 1 fewest" reads as a slip: a lone repair is the one channel needed.
  const fewest = arcs.length === 1 ? 'the one channel needed to' : `one of the ${arcs.length} fewest that`
  return arcs.map(([fromComponent, toComponent]) => {
    const from = graph.actors[sender[fromComponent]!]!.id
    const to = graph.actors[receiver[toComponent]!]!.id
    const response = responseOf.get(from)
    return {
      from,
      to,
      level,
      carries: response === undefined ? [] : [response],
      reason:
        `Add a ${level} channel from ${quoteId(from)} to ${quoteId(to)}, ${fewest} ${purpose}: ` +
        `${fromPhrase(roleOf(fromComponent), from, level, size[fromComponent] === 1)}, ` +
        `and ${toPhrase(roleOf(toComponent), to)}.`,
    }
  })
}

/**
 * Suggest the fewest channels that close every open loop, one level at a time: for
 * each level (or only `options.level`), the scope is `compileGraph(model, { level })`
 * (actors taking part in the level, active channels at it) and the result is
 * {@link repairsForGraph} for it. Adding all the proposed channels of a level leaves
 * every active channel there on a loop (with `goal: 'connect-level'`, makes the level
 * strongly connected).
 * @category Repairs
 */
export const suggestRepairs = (model: Model, options: SuggestRepairsOptions = {}): ReadonlyArray<ProposedChannel> => {
  const chosen = options.level === undefined ? levels : [options.level]
  // Actors numbered and channels searched in id order, so the actors chosen do not depend
  // on the order of the document: the result of compiling `canonicalModel(model)`, with
  // only the actors sorted whole and each actor's few channels sorted on their own.
  const actors = sortById(model.actors)
  const ordered = actors === model.actors ? model : { ...model, actors }
  return chosen.flatMap((level) => {
    const graph = compileGraph(ordered, { level })
    return repairsOver(graph, edgesInChannelIdOrder(graph), level, options.prefer ?? 'feedback', options.goal ?? 'close-open-loops')
  })
}
