import type { ChannelId } from '../model/primitives.js'
import { capabilityOf } from '../model/vocabulary.js'
import type { TraceIndex } from './trace.js'
import type { LoopStop, StopReason } from './trace-types.js'

const noChannels: ReadonlyArray<ChannelId> = Object.freeze([])

/**
 * Where an open loop's knowledge stops, and why. The furthest thing made of the source
 * decides: a reply that never arrives, else a decision or change nobody reports back,
 * else the latest-stage asset (an insight before the story itself). A reply the source's
 * holder writes from its own story alone (`away` 0: a newsletter) is not one that never
 * arrived: it is nobody's answer; nor is anything else the holder makes of its own story
 * alone where the story stopped. The actor is the one that asset reached furthest from
 * its holder (in channels; the first by id on a tie).
 * O(trace size + that actor's idle channels).
 * @internal
 */
export const findStop = (
  index: TraceIndex,
  members: ReadonlyArray<number>,
  best: Int8Array,
  away: Uint8Array,
  source: number,
): { readonly stop: LoopStop; readonly state: number } => {
  const { graph, carriage, provenance, kinds } = index
  let chosen = source
  let reason: StopReason = 'not-passed-on'
  let score = -Infinity
  const h = carriage.holder[source]!
  for (const a of members) {
    // What the holder makes of its own story alone is not where it stopped: a newsletter, or a
    // plan inferred from its own scores that goes nowhere (a report it sends on still counts).
    const kept = carriage.reachOffsets[a + 1]! - carriage.reachOffsets[a]! === 1
    if (away[a] === 0 && a !== source && (kinds[a] === 'response' || (carriage.holder[a] === h && kept))) continue
    // Replies outrank decisions and changes, which outrank the rest; then the best chain, then the stage.
    const tier = kinds[a] === 'response' ? 2 : provenance.stage[a]! >= 2 ? 1 : 0
    const value = tier * 100 + best[a]! * 10 + provenance.stage[a]!
    if (value >= score) ((score = value), (chosen = a))
  }
  if (kinds[chosen] === 'response') reason = 'reply-not-delivered'
  else if (provenance.stage[chosen]! >= 2) reason = 'no-reply'

  // The actor it reached furthest from its holder; of those equally far, the first by id, so
  // the stop does not depend on the order the document lists channels in.
  const start = carriage.reachOffsets[chosen]!
  let state = start
  for (let i = start; i < carriage.reachOffsets[chosen + 1]!; i++) {
    const further = carriage.reachHops[i]! - carriage.reachHops[state]!
    if (further > 0 || (further === 0 && graph.actors[carriage.reachActors[i]!]!.id < graph.actors[carriage.reachActors[state]!]!.id)) state = i
  }
  const actor = graph.actors[carriage.reachActors[state]!]!

  const idleChannels: ChannelId[] = []
  if (reason === 'not-passed-on') {
    const traced = new Set(members.map((a) => graph.model.assets[a]!.id))
    for (const channel of index.idleFrom().get(actor.id) ?? []) {
      if (channel.carries.some((id) => traced.has(id))) idleChannels.push(channel.id)
    }
    if (idleChannels.length > 0) reason = 'channel-not-active'
  }
  idleChannels.sort()
  return {
    stop: { actor: actor.id, asset: graph.model.assets[chosen]!.id, stage: capabilityOf(kinds[chosen]!), reason, idleChannels: idleChannels.length === 0 ? noChannels : idleChannels },
    state,
  }
}
