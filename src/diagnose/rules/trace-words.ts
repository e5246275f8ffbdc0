import type { TracedLoop } from '../../graph/trace-types.js'
import { isLayVoice } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { listInWords } from '../naming.js'
import { lapsedReferrals } from '../responders.js'

/**
 * Whether an open loop's knowledge comes back to its holder only as what was decided or
 * done for them (a change to the ward's routines, a care plan), not as a reply. @internal
 */
export const receivedAsCare = (context: DiagnosisContext, loop: TracedLoop): boolean => {
  const stop = loop.stopsAt
  return stop !== undefined && stop.reason === 'no-reply' && stop.actor === loop.holder && stop.asset !== loop.source && context.asset(stop.asset)?.holder !== stop.actor
}

/** Whether what comes back as care is a decision about them (a care or support plan), which may be their answer. @internal */
export const receivedAsDecision = (context: DiagnosisContext, loop: TracedLoop): boolean =>
  receivedAsCare(context, loop) && context.asset(loop.stopsAt!.asset)?.kind === 'decision'

/**
 * Where an open loop's knowledge stops, as a clause: "reaches 'experience-team', which
 * makes 'themes-report' of it, and stops there, because the channel that would pass it
 * on ('themes-to-ward') is not active". The holder is named by the caller.
 * @internal
 */
export const stopInWords = (context: DiagnosisContext, loop: TracedLoop): string => {
  const stop = loop.stopsAt
  if (stop === undefined) return 'comes back'
  const { naming } = context
  const at = stop.actor === loop.holder ? `stays with ${naming.actor(stop.actor)}` : `reaches ${naming.actor(stop.actor)}`
  const made = stop.asset === loop.source ? '' : stop.actor === context.asset(stop.asset)?.holder ? `, which makes ${naming.asset(stop.asset)} of it,` : ` as ${naming.asset(stop.asset)}`
  // What was done comes back to them as care (a change to the ward's routines), or to staff
  // as a change to their work (a new shelf layout after near misses), not as an answer.
  if (receivedAsCare(context, loop)) {
    // A care or support plan made with them is often their answer: say how to model it so.
    const lay = isLayVoice(context.actor(stop.actor)?.perspective ?? 'lay')
    // Only a lay voice's plan is made about them (a care plan); a board member's briefing is not.
    if (receivedAsDecision(context, loop)) {
      return lay
        ? `leads to ${naming.asset(stop.asset)}, which ${naming.actor(stop.actor)} receive as a decision about them, not as a reply telling them it came from what they said (where the plan they are given is their answer, as in shared care planning, model the copy they get as a response made from it)`
        : `leads to ${naming.asset(stop.asset)}, which ${naming.actor(stop.actor)} receive as a decision, not as a reply telling them it came from what they said`
    }
    // A contract or plan a team is given is one it works to, not a change made to its work.
    const kind = context.asset(stop.asset)?.kind
    const received = lay ? 'care' : kind === 'plan' || kind === 'strategy' ? 'a plan they work to' : 'a change to their work'
    return `leads to ${naming.asset(stop.asset)}, which ${naming.actor(stop.actor)} receive as ${received}, not as a reply telling them it came from what they said`
  }
  switch (stop.reason) {
    case 'channel-not-active': {
      const many = stop.idleChannels.length > 1
      return `${at}${made} and stops there, because the ${many ? 'channels' : 'channel'} that would pass it on (${listInWords(stop.idleChannels.map((id) => `'${id}'`))}) ${many ? 'are' : 'is'} not active`
    }
    case 'no-reply':
      return `${at}${made} and stops there, because nobody reports back what was done`
    case 'reply-not-delivered': {
      // An acknowledgement ("received and noted") while the referral onward lapsed: say so.
      const lapsed = lapsedReferrals(context, loop)
      const onward = lapsed.length === 0 ? '' : `; ${listInWords(lapsed.map((channel) => `${naming.asset(channel.carries[0]!)} would reach ${naming.actor(channel.to)} over '${channel.activates!}', which is not active`), 3)}`
      return `is answered by ${naming.asset(stop.asset)}, which goes no further than ${naming.actor(stop.actor)}${onward}`
    }
    default:
      return `${at}${made} and goes no further`
  }
}
