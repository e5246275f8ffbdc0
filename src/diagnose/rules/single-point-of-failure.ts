import { quoteId } from '../../model/errors.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import type { ActorId, ChannelId } from '../../model/primitives.js'
import { listInWords } from '../naming.js'
import { type Level, levels } from '../../model/vocabulary.js'
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
 * least `minAffectedLayActors` lay actors off every loop they were on. Each lay actor is
 * reported at most once, with every point its loops hang on at any level; lay actors
 * that hang on the same points share a finding, so a healthy model is not flooded.
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
    // For each lay actor, every point (at any level) its loops hang on; lay actors that hang on the
    // same points share one finding, so no actor is reported twice.
    const pointsOf = new Map<ActorId, { levels: Set<Level>; actors: Set<ActorId>; channels: Set<ChannelId> }>()
    for (const level of context.levelsInUse) {
      const search = context.singlePointsAt(level, options.maxSearchSteps)
      if (search.truncated) context.markTruncated()
      for (const point of search.points) {
        if (point.affectedLayActors.length < options.minAffectedLayActors) continue
        for (const lay of point.affectedLayActors) {
          let entry = pointsOf.get(lay)
          if (entry === undefined) pointsOf.set(lay, (entry = { levels: new Set(), actors: new Set(), channels: new Set() }))
          entry.levels.add(level)
          if (point.kind === 'actor') entry.actors.add(point.id as ActorId)
          else entry.channels.add(point.id as ChannelId)
        }
      }
    }
    const groups = new Map<string, { affected: ActorId[]; levels: Level[]; actors: ActorId[]; channels: ChannelId[] }>()
    for (const lay of sortedUnique(pointsOf.keys())) {
      const entry = pointsOf.get(lay)!
      const actors = sortedUnique(entry.actors)
      const channels = sortedUnique(entry.channels)
      const key = JSON.stringify([actors, channels])
      const group = groups.get(key)
      if (group === undefined) groups.set(key, { affected: [lay], levels: levels.filter((level) => entry.levels.has(level)), actors, channels })
      else group.affected.push(lay)
    }
    const findings: Finding[] = []
    for (const { affected, levels: at, actors, channels } of groups.values()) {
      const points = [...actors.slice(0, 3).map(context.naming.actor), ...channels.slice(0, 3).map((id) => `channel ${quoteId(id)}`)]
      const more = actors.length + channels.length - points.length
      findings.push({
        message: `Every loop that ${actorsInWords(context, affected)} ${affected.length === 1 ? 'depends' : 'depend'} on at ${listInWords(at)} level runs through ${listInWords(more > 0 ? [...points, `${more} more`] : points, 7)}: if any one of them stops, the loop is lost.`,
        level: at[0],
        actors: sortedUnique([...actors, ...affected]),
        channels,
      })
    }
    return findings
  },
})
