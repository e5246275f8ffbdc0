import type { Channel } from '../../model/codecs.js'
import type { ActorId } from '../../model/primitives.js'
import type { AssetKind, Level } from '../../model/vocabulary.js'
import { compareIds } from '../../graph/components.js'
import type { CompiledGraph } from '../../graph/compile.js'
import type { DiagnosisContext } from '../context.js'
import { listInWords } from '../naming.js'

/** Ids sorted in code-unit order, without repeats. @internal */
export const sortedUnique = <T extends string>(ids: Iterable<T>): T[] => [...new Set(ids)].sort(compareIds)

/** The ids of the actors of `graph` marked in `mask`, sorted. @internal */
export const actorIdsIn = (graph: CompiledGraph, mask: Uint8Array): ActorId[] => {
  const ids: ActorId[] = []
  for (let v = 0; v < mask.length; v++) if (mask[v] === 1) ids.push(graph.actors[v]!.id)
  return ids.sort(compareIds)
}

/** Actors named by the context's naming policy, as a list in words. @internal */
export const actorsInWords = (context: DiagnosisContext, ids: ReadonlyArray<string>, most?: number): string =>
  listInWords(ids.map(context.naming.actor), most)

const kindWords: Readonly<Record<AssetKind, string>> = {
  experience: 'experience',
  evidence: 'evidence',
  data: 'data',
  insight: 'insight',
  decision: 'decisions',
  plan: 'plans',
  strategy: 'strategy',
  change: 'changes',
  response: 'responses',
  lesson: 'lessons',
}

const carriedWordsCache = new WeakMap<DiagnosisContext, WeakMap<ReadonlyArray<string>, string>>()

/** What a channel carries, in words ("experience and data"; asset names when opted in). Cached per `carries` array. @internal */
export const carriedInWords = (context: DiagnosisContext, channel: Channel): string => {
  let cache = carriedWordsCache.get(context)
  if (cache === undefined) carriedWordsCache.set(context, (cache = new WeakMap()))
  const known = cache.get(channel.carries)
  if (known !== undefined) return known
  let words: string
  if (context.naming.useNames && channel.carries.length > 0) words = listInWords(channel.carries.map(context.naming.asset), 3)
  else {
    const kinds = sortedUnique(
      channel.carries.flatMap((id) => {
        const asset = context.asset(id)
        return asset === undefined ? [] : [kindWords[asset.kind]]
      }),
    )
    words = kinds.length === 0 ? 'nothing' : listInWords(kinds)
  }
  cache.set(channel.carries, words)
  return words
}

/** The level an actor's decisions govern: its strategy, else its plans, else its first level. @internal */
export const decidingLevelOf = (context: DiagnosisContext, id: ActorId): Level | undefined => {
  const kinds = new Set(context.assetsHeldBy(id).map((asset) => asset.kind))
  if (kinds.has('strategy')) return 'strategy'
  if (kinds.has('plan')) return 'planning'
  return context.actor(id)?.levels[0]
}

/** What an actor decides, in words ("holds a plan"). @internal */
export const decidingRoleOf = (context: DiagnosisContext, id: ActorId): string => {
  const kinds = new Set(context.assetsHeldBy(id).map((asset) => asset.kind))
  return kinds.has('strategy') ? 'sets strategy' : kinds.has('plan') ? 'holds a plan' : 'takes decisions'
}

/** "the loop through 'a', 'b' and 'c'". @internal */
export const loopInWords = (context: DiagnosisContext, actors: ReadonlyArray<string>): string =>
  `the loop through ${actorsInWords(context, actors, 6)}`

/**
 * A key for a cycle of actors in canonical rotation (starting at the smallest id), the
 * same for a declared loop's `through` (which repeats its first actor) and a found loop.
 * @internal
 */
export const cycleKey = (actors: ReadonlyArray<string>, repeatsFirst: boolean): string => {
  const cycle = repeatsFirst ? actors.slice(0, -1) : actors
  let start = 0
  for (let i = 1; i < cycle.length; i++) if (compareIds(cycle[i]!, cycle[start]!) < 0) start = i
  return JSON.stringify([...cycle.slice(start), ...cycle.slice(0, start)])
}
