import type { ActorId } from '../../model/primitives.js'
import type { AssetKind, Level } from '../../model/vocabulary.js'
import type { Loop } from '../../graph/types.js'
import { compareIds } from '../../graph/components.js'
import type { DiagnosisContext } from '../context.js'
import { maskOf } from '../flow.js'
import { listInWords } from '../naming.js'

/** Ids sorted in code-unit order, without repeats. @internal */
export const sortedUnique = <T extends string>(ids: Iterable<T>): T[] => {
  // Sort a copy, then drop repeats in place: cheaper than a Set for the short lists rules make.
  const sorted = [...ids].sort(compareIds)
  let kept = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!
  sorted.length = kept
  return sorted
}

/** Whether ids are in strictly increasing code-unit order. O(n). @internal */
export const isSortedUnique = (ids: ReadonlyArray<string>): boolean => {
  for (let i = 1; i < ids.length; i++) if (compareIds(ids[i - 1]!, ids[i]!) >= 0) return false
  return true
}

/** Sorted unique ids with one more id put in its place (no copy of it if already there). O(n). @internal */
export const withId = <T extends string>(sorted: ReadonlyArray<T>, id: T): T[] => {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIds(sorted[middle]!, id) < 0) low = middle + 1
    else high = middle
  }
  return sorted[low] === id ? sorted.slice() : [...sorted.slice(0, low), id, ...sorted.slice(low)]
}

/** Actors named by the context's naming policy, as a list in words. @internal */
export const actorsInWords = (context: DiagnosisContext, ids: ReadonlyArray<string>, most = 4): string =>
  // Only the actors shown are named: a long list ends "and N others" (as listInWords does).
  ids.length > most
    ? `${ids.slice(0, most - 1).map(context.naming.actor).join(', ')} and ${ids.length - most + 1} others`
    : listInWords(ids.map(context.naming.actor), most)

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
  experiment: 'experiments',
}

const carriedWordsCache = new WeakMap<DiagnosisContext, WeakMap<ReadonlyArray<string>, string>>()
const kindMaskWords = new Map<number, string>()

/** Asset kinds in a mask, in words ("data and experience"), or "nothing". Cached per mask (at most 1,024). */
const kindMaskInWords = (mask: number): string => {
  let words = kindMaskWords.get(mask)
  if (words === undefined) {
    const kinds = sortedUnique((Object.keys(kindWords) as AssetKind[]).filter((kind) => (mask & maskOf(kind)) !== 0).map((kind) => kindWords[kind]))
    kindMaskWords.set(mask, (words = kinds.length === 0 ? 'nothing' : listInWords(kinds)))
  }
  return words
}

/**
 * What the channel at model position `channelIndex` carries, in words ("experience and
 * data", from the kinds of its known assets; asset names when opted in, cached per
 * `carries` array). @internal
 */
export const carriedInWords = (context: DiagnosisContext, channelIndex: number): string => {
  const channel = context.model.channels[channelIndex]!
  if (!context.naming.useNames || channel.carries.length === 0) return kindMaskInWords(context.cargo().kindsOfChannel[channelIndex]!)
  let cache = carriedWordsCache.get(context)
  if (cache === undefined) carriedWordsCache.set(context, (cache = new WeakMap()))
  let words = cache.get(channel.carries)
  if (words === undefined) cache.set(channel.carries, (words = listInWords(channel.carries.map(context.naming.asset), 3)))
  return words
}

/** The kinds of asset an actor holds, as a mask (0 for an unknown id). @internal */
export const heldKindsOf = (context: DiagnosisContext, id: ActorId): number => {
  const v = context.graph.indexOf.get(id)
  return v === undefined ? 0 : context.heldKinds()[v]!
}

const strategyBit = maskOf('strategy')
const planBit = maskOf('plan')

/** The level an actor's decisions govern: its strategy, else its plans, else its first level. @internal */
export const decidingLevelOf = (context: DiagnosisContext, id: ActorId): Level | undefined => {
  const kinds = heldKindsOf(context, id)
  if ((kinds & strategyBit) !== 0) return 'strategy'
  if ((kinds & planBit) !== 0) return 'planning'
  return context.actor(id)?.levels[0]
}

/** What an actor decides, in words ("holds a plan"). @internal */
export const decidingRoleOf = (context: DiagnosisContext, id: ActorId): string => {
  const kinds = heldKindsOf(context, id)
  return (kinds & strategyBit) !== 0 ? 'sets strategy' : (kinds & planBit) !== 0 ? 'holds a plan' : 'takes decisions'
}

const loopWordsCache = new WeakMap<DiagnosisContext, WeakMap<Loop, string>>()

/** "the loop through 'a', 'b' and 'c'", for a found loop (cached per loop: several rules report it). @internal */
export const loopInWords = (context: DiagnosisContext, loop: Loop): string => {
  let cache = loopWordsCache.get(context)
  if (cache === undefined) loopWordsCache.set(context, (cache = new WeakMap()))
  let words = cache.get(loop)
  if (words === undefined) cache.set(loop, (words = `the loop through ${actorsInWords(context, loop.actors, 6)}`))
  return words
}

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

// Several rules report the same loops: their sorted ids and cycle keys are worked out once.
const loopActorCache = new WeakMap<Loop, ReadonlyArray<ActorId>>()
const loopChannelCache = new WeakMap<Loop, ReadonlyArray<Loop['channels'][number][number]>>()
const loopKeyCache = new WeakMap<Loop, string>()

/** A found loop's actor ids, sorted without repeats. Cached per loop. @internal */
export const loopActorIds = (loop: Loop): ReadonlyArray<ActorId> => {
  let ids = loopActorCache.get(loop)
  if (ids === undefined) loopActorCache.set(loop, (ids = sortedUnique(loop.actors)))
  return ids
}

/** Every channel id of a found loop's steps, sorted without repeats. Cached per loop. @internal */
export const loopChannelIds = (loop: Loop): ReadonlyArray<Loop['channels'][number][number]> => {
  let ids = loopChannelCache.get(loop)
  if (ids === undefined) loopChannelCache.set(loop, (ids = sortedUnique(loop.channels.flat())))
  return ids
}

/** {@link cycleKey} of a found loop. Cached per loop. @internal */
export const loopCycleKey = (loop: Loop): string => {
  let key = loopKeyCache.get(loop)
  if (key === undefined) loopKeyCache.set(loop, (key = cycleKey(loop.actors, false)))
  return key
}
