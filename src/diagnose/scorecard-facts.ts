import type { TracedLoop } from '../graph/trace-types.js'
import type { ActorId } from '../model/primitives.js'
import { isLayVoice } from '../model/vocabulary.js'
import type { DiagnosisContext } from './context.js'
import { loopRepair } from './loop-repair.js'
import { relayedChannel } from './relay-repairs.js'
import { reaches } from './reply-contact.js'

/**
 * What the scorecard reads of each traced loop (by position in `traces()`), worked out
 * once for the whole model and every level alike: for an open loop, the channels its
 * repairs add (as keys); for a closed one, whether its knowledge reached both a lay and a
 * professional voice, and whether it closes among lay voices (peer support).
 * @internal
 */
export interface LoopFacts {
  readonly repairKeys: ReadonlyArray<ReadonlyArray<string> | undefined>
  readonly joined: Uint8Array
  readonly peer: Uint8Array
}

/** Each traced loop's {@link LoopFacts}. O(Σ reached + open loops' repairs). @internal */
export const loopFactsOf = (context: DiagnosisContext, voiceBits: Uint8Array): LoopFacts => {
  const loops = context.traces().loops
  const { holders, reachedOffsets, reachedActors } = context.tracedActors()
  const repairKeys = new Array<ReadonlyArray<string> | undefined>(loops.length)
  const joined = new Uint8Array(loops.length)
  const peer = new Uint8Array(loops.length)
  const layVoice = (id: ActorId): boolean => isLayVoice(context.actor(id)?.perspective ?? 'professional')
  loops.forEach((loop, i) => {
    if (loop.outcome === 'open') {
      const channels = (loopRepair(context, loop) ?? []).flatMap((proposed) => relayedChannel(context, proposed))
      repairKeys[i] = channels.map((channel) => JSON.stringify([channel.from, channel.to, channel.level, channel.carries]))
      return
    }
    let voices = 0
    for (let k = reachedOffsets[i]!; k < reachedOffsets[i + 1]!; k++) voices |= voiceBits[reachedActors[k]!]!
    if (voices === 3) joined[i] = 1
    // Peer support: the fastest round trip is among lay voices, or a peer (another lay
    // voice) answers them. A plan people make themselves, with nothing coming back from a
    // peer (agreed with a link worker), is not; students' own recovery plans made in class,
    // beside the peer trainers' encouragement, are.
    const lay = (voiceBits[holders[i]!]! & 1) !== 0
    if (lay && (loop.steps.length > 0 ? loop.steps.every((step) => layVoice(step.from) && layVoice(step.to)) : answeredByPeer(context, loop, layVoice))) peer[i] = 1
  })
  return { repairKeys, joined, peer }
}

/** Whether a reply made from the source by another lay voice (a peer) reaches its holder. */
const answeredByPeer = (context: DiagnosisContext, loop: TracedLoop, layVoice: (id: ActorId) => boolean): boolean =>
  loop.derived.some((id) => {
    const asset = context.asset(id)
    return asset !== undefined && asset.kind === 'response' && asset.holder !== loop.holder && layVoice(asset.holder) && reaches(context, id, loop.holder)
  })
