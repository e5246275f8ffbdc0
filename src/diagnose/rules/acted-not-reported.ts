import type { ActorId } from '../../model/primitives.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, maskOf } from '../flow.js'
import { PositiveInteger, ruleOptions } from '../rule-options.js'
import { actorsInWords, isSortedUnique, sortedUnique, withId } from './words.js'
import { levels } from '../../model/vocabulary.js'

/**
 * **acted-not-reported** finds changes made because of lay people's experience that are
 * never reported back to them: "we did" without "you said". Care Opinion's "you said,
 * we did" and its published response rates rest on this step; without it people cannot
 * tell that speaking up made a difference, and stop.
 *
 * How: for each holder of a `change`, the actors upstream of it over channels that carry
 * experience, insights, lessons, decisions, plans or strategies (backward search); the
 * lay holders of experience among them are the people whose experience led to the
 * change. From every other upstream actor (anyone in the chain may reply), a forward
 * search over channels that carry a `response`; lay sources it misses were never told.
 * Change holders in one strongly connected component of those channels share their
 * upstream, so the two O(V + E) searches run once per such component, within
 * `maxSearchSteps` edge visits in all: past it the rule stops and the diagnosis is
 * marked truncated. The bound is there because the findings themselves grow as change
 * holders × the lay sources upstream of each: on a generated organisation of 10k
 * actors / 50k channels the exact answer names about 757,000 actors in 636 findings
 * (about 8x the rest of the diagnosis), so no search order makes it exact at 100k/1M
 * within a near-linear budget.
 *
 * Options: `maxSearchSteps` (default 1,000,000).
 * @category Rules
 */
export const actedNotReported = defineRule({
  id: 'acted-not-reported',
  description: 'A change made because of lay experience, with no response carried back to the people it came from.',
  defaultSeverity: 'error',
  options: ruleOptions('ActedNotReportedOptions', { maxSearchSteps: PositiveInteger }, { maxSearchSteps: 1_000_000 }),
  check: (context, options) => {
    const graph = context.graph
    const changers = context.holders(maskOf('change'))
    const layWitnesses = context.holders(maskOf('experience'))
    const { components } = context.componentsCarrying(carriers.cause)
    // Change holders of one component have the same upstream, so search once per component.
    const groups = new Map<number, number[]>()
    for (let h = 0; h < graph.actorCount; h++) {
      if (changers[h] === 0) continue
      const component = components.componentOf[h]!
      const group = groups.get(component)
      if (group === undefined) groups.set(component, [h])
      else group.push(h)
    }
    const costPerSearch = graph.actorCount + graph.edgeCount
    let spent = 0
    const findings: Finding[] = []
    for (const holders of groups.values()) {
      if (spent + 2 * costPerSearch > options.maxSearchSteps) {
        context.markTruncated()
        break
      }
      spent += 2 * costPerSearch
      const upstream = context.reach([holders[0]!], carriers.cause, 'backward')
      const sources: number[] = []
      const responders: number[] = []
      for (let v = 0; v < graph.actorCount; v++) {
        if (upstream[v] === 0) continue
        if (graph.lay[v] === 1 && layWitnesses[v] === 1) sources.push(v)
        else responders.push(v)
      }
      if (sources.length === 0) continue
      const told = context.reach(responders, carriers.response, 'forward')
      for (const h of holders) {
        const untold: ActorId[] = sources.filter((v) => v !== h && told[v] === 0).map((v) => graph.actors[v]!.id)
        if (untold.length === 0) continue
        const holder = graph.actors[h]!.id
        const changes = context.assetsHeldBy(holder).filter((asset) => asset.kind === 'change').map((asset) => asset.id)
        // Sources are in actor order, which in the context's canonical model is id order.
        const ids = isSortedUnique(untold) ? untold : sortedUnique(untold)
        findings.push({
          message: `Experience from ${actorsInWords(context, ids)} led to ${changes.map((id) => context.naming.asset(id)).join(' and ')} by ${context.naming.actor(holder)}, but no response ever returns to them: they never hear "you said, we did".`,
          // The lowest level the holder works at, whatever order its document lists them in.
          level: levels.find((level) => graph.actors[h]!.levels.includes(level)),
          actors: withId(ids, holder),
          channels: [],
        })
      }
    }
    return findings
  },
})
