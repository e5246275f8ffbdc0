import type { ChannelId } from '../model/primitives.js'
import { capabilityOf } from '../model/vocabulary.js'
import type { TraceIndex } from './trace.js'
import type { Scratch } from './trace-source.js'
import type { LoopStop, StopReason } from './trace-types.js'

const noChannels: ReadonlyArray<ChannelId> = Object.freeze([])

/** Of each index, `1` for every asset a channel that is not active lists for a lay voice. */
const meantForLayOf = new WeakMap<TraceIndex, Uint8Array>()
const meantForLay = (index: TraceIndex): Uint8Array => {
  let meant = meantForLayOf.get(index)
  if (meant !== undefined) return meant
  const { graph, carriage } = index
  meant = new Uint8Array(carriage.assetCount)
  for (const channels of index.idleFrom().values()) {
    for (const channel of channels) {
      const to = graph.indexOf.get(channel.to)
      if (to === undefined || graph.lay[to] !== 1) continue
      for (const id of channel.carries) {
        const a = carriage.assetIndex.get(id)
        if (a !== undefined) meant[a] = 1
      }
    }
  }
  meantForLayOf.set(index, meant)
  return meant
}

/**
 * Where an open loop's knowledge stops, and why. The furthest thing made of the source
 * decides: a reply that never arrives, else a decision or change nobody reports back,
 * else the latest-stage asset (an insight before the story itself). A reply the source's
 * holder writes from its own story alone (`away` 0: a newsletter) is not one that never
 * arrived: it is nobody's answer; nor is anything else the holder makes of its own story
 * alone where the story stopped; nor, for a professional's source, is a reply that
 * reaches lay people, or that a lapsed or planned channel lists for them (the ward's "you
 * said, we did" board answers patients, not the consultant whose registry data fed the
 * changes, even while nobody puts it up). Ties go to what was made furthest
 * along, then to the last asset by id. The
 * actor is the one that asset reached furthest from its holder (in channels; the first
 * by id on a tie).
 * O(trace size + that actor's idle channels).
 * @internal
 */
export const findStop = (
  index: TraceIndex,
  members: ReadonlyArray<number>,
  scratch: Pick<Scratch, 'member' | 'best' | 'away' | 'depth'>,
  source: number,
): { readonly stop: LoopStop; readonly state: number } => {
  const { graph, carriage, provenance, kinds } = index
  const { member, best, away, depth } = scratch
  let chosen = source
  let reason: StopReason = 'not-passed-on'
  let score = -Infinity
  const h = carriage.holder[source]!
  // A reply that reaches lay people, or that a lapsed or planned channel would take to them
  // (the ward's "you said, we did" board nobody puts up), answers them: it is not one a
  // professional source's holder is owed.
  const forLay = meantForLay(index)
  const answersLayPeople = (a: number): boolean => {
    if (forLay[a] === 1) return true
    for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) if (carriage.reachActors[i] !== h && graph.lay[carriage.reachActors[i]!] === 1) return true
    return false
  }
  // How many makings from the source each member is, at most (members come in provenance order).
  for (const a of members) depth[a] = 0
  for (const a of members) {
    const d = depth[a]!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (member[c] === source && depth[c]! < d + 1 && c !== a) depth[c] = d + 1
    }
  }
  let chosenDepth = 0
  for (const a of members) {
    // What the holder makes of its own story alone is not where it stopped: a newsletter, or a
    // plan inferred from its own scores that goes nowhere (a report it sends on still counts).
    const kept = carriage.reachOffsets[a + 1]! - carriage.reachOffsets[a]! === 1
    if (away[a] === 0 && a !== source && (kinds[a] === 'response' || (carriage.holder[a] === h && kept))) continue
    if (kinds[a] === 'response' && graph.lay[h] === 0 && answersLayPeople(a)) continue
    // Replies outrank decisions and changes, which outrank the rest; then the best chain, then
    // the stage; then the one made furthest along, then the last by id (whatever order the
    // document lists assets in).
    const tier = kinds[a] === 'response' ? 2 : provenance.stage[a]! >= 2 ? 1 : 0
    const value = tier * 100 + best[a]! * 10 + provenance.stage[a]!
    const deep = depth[a]!
    const better = value > score || (value === score && (deep > chosenDepth || (deep === chosenDepth && graph.model.assets[a]!.id > graph.model.assets[chosen]!.id)))
    if (better) ((score = value), (chosen = a), (chosenDepth = deep))
  }
  if (kinds[chosen] === 'response') reason = 'reply-not-delivered'
  else if (provenance.stage[chosen]! >= 2) reason = 'no-reply'

  // The actor it reached furthest from its holder; of those equally far, the first by id, so
  // the stop does not depend on the order the document lists channels in. A reach list is
  // in breadth-first order, so the furthest are the ones at its end.
  const start = carriage.reachOffsets[chosen]!
  const end = carriage.reachOffsets[chosen + 1]!
  const furthest = carriage.reachHops[end - 1]!
  let state = end - 1
  let actor = graph.actors[carriage.reachActors[state]!]!
  for (let i = end - 2; i >= start && carriage.reachHops[i] === furthest; i--) {
    const other = graph.actors[carriage.reachActors[i]!]!
    if (other.id < actor.id) ((state = i), (actor = other))
  }

  const idleChannels: ChannelId[] = []
  const idle = reason === 'not-passed-on' ? index.idleAt(carriage.reachActors[state]!) : undefined
  if (idle !== undefined) {
    const traced = new Set(members.map((a) => graph.model.assets[a]!.id))
    for (const channel of idle) {
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
