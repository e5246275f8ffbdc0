import { quoteId } from '../../model/errors.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import type { ActorId, ChannelId } from '../../model/primitives.js'
import { listInWords } from '../naming.js'
import type { Level } from '../../model/vocabulary.js'
import { PositiveInteger, ruleOptions } from '../rule-options.js'
import { actorsInWords, sortedUnique } from './words.js'

/**
 * **single-point-of-failure** finds an actor or a channel whose loss would open loops
 * that lay actors depend on: one liaison officer, one inbox, one meeting. Beer's viable
 * system model asks for requisite variety, redundancy in the channels that keep a system
 * in touch with its environment; a loop that hangs on one person fails when they are off.
 * Every actor and channel of a loop with no alternative route is such a point, so even
 * a well-run organisation of simple loops has many: the default severity is `info`;
 * raise it where redundancy matters.
 *
 * How: per level, the graph core's `findSinglePointsOfFailure` (dominators and
 * articulation on the loop subgraph): the actors and channels whose removal leaves at
 * least `minAffectedLayActors` lay actors off every loop they were on, reported once per
 * set of lay actors affected.
 * That costs O(L · (V + E)) within each strongly connected component for its L lay
 * actors; a component that would take a level's work past `maxSearchSteps` is skipped
 * and the diagnosis marked truncated (the findings for the components searched are
 * complete). (Linear-time
 * strong articulation points, Italiano, Laura & Santaroni 2012, say which actors split a
 * component but not which lay actors lose every loop, so the per-actor search stays.)
 *
 * Options: `minAffectedLayActors` (default 1), `maxSearchSteps` (default 1,000,000).
 * @category Rules
 */
export const singlePointOfFailure = defineRule({
  id: 'single-point-of-failure',
  description: 'An actor or channel whose loss opens loops that lay actors depend on.',
  defaultSeverity: 'info',
  options: ruleOptions(
    'SinglePointOfFailureOptions',
    { minAffectedLayActors: PositiveInteger, maxSearchSteps: PositiveInteger },
    { minAffectedLayActors: 1, maxSearchSteps: 1_000_000 },
  ),
  check: (context, options) => {
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const search = context.singlePointsAt(level, options.maxSearchSteps)
      if (search.truncated) context.markTruncated()
      // One finding per set of lay actors affected, listing every point they hang on.
      const groups = new Map<string, { affected: ReadonlyArray<ActorId>; actors: ActorId[]; channels: ChannelId[] }>()
      for (const point of search.points) {
        if (point.affectedLayActors.length < options.minAffectedLayActors) continue
        const affected = sortedUnique(point.affectedLayActors)
        const key = JSON.stringify(affected)
        let group = groups.get(key)
        if (group === undefined) groups.set(key, (group = { affected, actors: [], channels: [] }))
        if (point.kind === 'actor') group.actors.push(point.id as ActorId)
        else group.channels.push(point.id as ChannelId)
      }
      for (const { affected, actors, channels } of groups.values()) {
        const points = [
          ...actors.slice(0, 3).map(context.naming.actor),
          ...channels.slice(0, 3).map((id) => `channel ${quoteId(id)}`),
        ]
        const more = actors.length + channels.length - points.length
        findings.push({
          message: `Every loop that ${actorsInWords(context, affected)} ${affected.length === 1 ? 'depends' : 'depend'} on at ${level} level runs through ${listInWords(more > 0 ? [...points, `${more} more`] : points, 7)}: if any one of them stops, the loop is lost.`,
          level,
          actors: sortedUnique([...actors, ...affected]),
          channels: sortedUnique(channels),
        })
      }
    }
    return findings
  },
})
