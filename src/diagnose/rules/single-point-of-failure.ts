import { loopDependencies } from '../../graph/trace-points.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import { quoteId } from '../../model/errors.js'
import type { ActorId, ChannelId } from '../../model/primitives.js'
import { isLayVoice, levels } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { listInWords } from '../naming.js'
import { PositiveInteger, ruleOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { actorsInWords, sortedUnique } from './words.js'

/**
 * **single-point-of-failure** finds an actor or a channel that a working loop of lay
 * people hangs on: one liaison officer, one inbox, one meeting, without which what they
 * say would no longer come back to them as it does. Beer's viable system model asks for
 * requisite variety, redundancy in the channels that keep a system in touch with its
 * environment; a loop that hangs on one person fails when they are off. Every actor and
 * channel of a loop with no alternative route is such a point, so even a well-run
 * organisation of simple loops has many: the default severity is `info`; raise it where
 * redundancy matters.
 *
 * How: on traced loops (`traceLoops`), for each source of a lay or mixed actor whose loop
 * closes over channels, each channel and actor of its fastest closing route is taken
 * away in turn and the source traced again; a point is one whose loss leaves the loop
 * closing less well (answered, but no longer about what changed) or not at all. A loop
 * that is already open hangs on nothing, and an actor's care of patients is no loop.
 * Points at least `minAffectedLayActors` lay actors depend on are reported; loops that
 * hang on the same points share a finding. O(Σ over those sources of route length × the
 * source's trace), bounded by `maxSearchSteps` units of work, past which the remaining
 * sources are skipped and the diagnosis marked truncated.
 *
 * Options: `minAffectedLayActors` (default 1), `maxSearchSteps` (default 1,000,000).
 * @category Rules
 */
export const singlePointOfFailure = defineRule({
  id: 'single-point-of-failure',
  description: 'An actor or channel whose loss stops a working loop of lay people closing as it does.',
  defaultSeverity: 'info',
  options: ruleOptions(
    'SinglePointOfFailureOptions',
    { minAffectedLayActors: PositiveInteger, maxSearchSteps: PositiveInteger },
    { minAffectedLayActors: 1, maxSearchSteps: 1_000_000 },
  ),
  check: (context, options) => {
    const index = context.traceIndex()
    const loops = context.traces().loops.filter((loop) => {
      const holder = context.actor(loop.holder)
      return loop.outcome !== 'open' && loop.steps.length > 0 && holder !== undefined && isLayVoice(holder.perspective)
    })
    const loopOf = new Map(loops.map((loop) => [index.carriage.assetIndex.get(loop.source)!, loop]))
    const search = loopDependencies(index, [...loopOf.keys()], options.maxSearchSteps)
    if (search.truncated) context.markTruncated()
    // How many lay actors each point is vital to; points below the threshold are dropped.
    const dependents = new Map<string, Set<ActorId>>()
    const keysOf = (dependency: (typeof search.dependencies)[number]) => [
      ...dependency.actors.map((id) => `a:${id}`),
      ...dependency.channels.map((id) => `c:${id}`),
    ]
    for (const dependency of search.dependencies) {
      const holder = loopOf.get(dependency.source)!.holder
      for (const key of keysOf(dependency)) {
        const set = dependents.get(key)
        if (set === undefined) dependents.set(key, new Set([holder]))
        else set.add(holder)
      }
    }
    const groups = new Map<string, { loops: TracedLoop[]; actors: ActorId[]; channels: ChannelId[] }>()
    for (const dependency of search.dependencies) {
      const kept = (kind: string) => (id: string) => dependents.get(`${kind}:${id}`)!.size >= options.minAffectedLayActors
      const actors = sortedUnique(dependency.actors.filter(kept('a')))
      const channels = sortedUnique(dependency.channels.filter(kept('c')))
      if (actors.length + channels.length === 0) continue
      const key = JSON.stringify([actors, channels])
      const group = groups.get(key)
      if (group === undefined) groups.set(key, { loops: [loopOf.get(dependency.source)!], actors, channels })
      else group.loops.push(loopOf.get(dependency.source)!)
    }
    return [...groups.values()].map((group) => pointFinding(context, group))
  },
})

/** What the holders would no longer hear, when every loop of a group closes the same way with a reply. */
const lostWords = (context: DiagnosisContext, loops: ReadonlyArray<TracedLoop>, holders: string): string => {
  const outcome = loops[0]!.outcome
  const replies = loops.every((loop) => loop.closedBy !== undefined && context.asset(loop.closedBy)?.kind === 'response')
  if (!replies || loops.some((loop) => loop.outcome !== outcome)) return loops.length === 1 ? 'the loop no longer closes as it does now' : 'these loops no longer close as they do now'
  return `${holders} no longer hear ${outcome === 'did' ? 'what changed' : outcome === 'decided' ? 'what was decided' : 'back'}`
}

const pointFinding = (
  context: DiagnosisContext,
  group: { readonly loops: ReadonlyArray<TracedLoop>; readonly actors: ReadonlyArray<ActorId>; readonly channels: ReadonlyArray<ChannelId> },
): Finding => {
  const { loops, actors, channels } = group
  const { naming } = context
  const holders = sortedUnique(loops.map((loop) => loop.holder))
  const points = [...actors.slice(0, 3).map(naming.actor), ...channels.slice(0, 3).map((id) => `channel ${quoteId(id)}`)]
  const more = actors.length + channels.length - points.length
  const sources = listInWords(loops.map((loop) => `${naming.asset(loop.source)} from ${naming.actor(loop.holder)}`))
  const one = loops.length === 1
  return {
    message: `${one ? 'The loop' : 'The loops'} of ${sources} ${one ? 'closes' : 'close'} only through ${listInWords(more > 0 ? [...points, `${more} more`] : points, 7)}: if ${actors.length + channels.length === 1 ? 'it stops' : 'any one of them stops'}, ${lostWords(context, loops, actorsInWords(context, holders))}.`,
    level: levels.find((level) => holders.some((id) => context.actor(id)?.levels.includes(level))),
    actors: sortedUnique([...actors, ...holders]),
    channels,
    assets: loops.map((loop) => loop.source),
  }
}
