import { countOf } from '../diagnose/format-text.js'
import { createNamingPolicy, listInWords, type NamingPolicy, quoteIdQuickly } from '../diagnose/naming.js'
import { loopOutcomes, type TraceSearch, type TracedLoop, type TracedStep } from '../graph/trace-types.js'
import type { Model } from '../model/codecs.js'

/** The `format` of `orgintel trace --format json`. @internal */
export const traceFormat = 'orgintel-trace/v1'

/**
 * The JSON report: `{ format, model, loops, truncated }`, the loops as `traceLoops`
 * returns them (it builds each with the keys in the order `TracedLoop` documents, so the
 * report diffs cleanly between versions). Ids only: the model's names are not copied.
 * @internal
 */
export const traceReportJson = (model: Model, search: TraceSearch): string =>
  `${JSON.stringify({ format: traceFormat, model: model.id, loops: search.loops, truncated: search.truncated }, null, 2)}\n`

/** Why an open loop's knowledge went no further, after its reason code. */
const stopReasonInWords = (naming: NamingPolicy, loop: TracedLoop): string => {
  const stop = loop.stopsAt!
  switch (stop.reason) {
    case 'channel-not-active':
      return `${listInWords(stop.idleChannels.map(quoteIdQuickly))} ${stop.idleChannels.length === 1 ? 'is' : 'are'} not active`
    case 'no-reply':
      return 'nobody reports back what was done'
    case 'reply-not-delivered':
      return `the reply never reaches ${naming.actor(loop.holder)}`
    default:
      return 'no active channel passes it on'
  }
}

/** "open, stops at 'experience-team' with 'themes-report' (channel-not-active: …)" or "did in 1 day, closed by 'reply'". */
const outcomeInWords = (naming: NamingPolicy, loop: TracedLoop): string => {
  const stop = loop.stopsAt
  if (stop === undefined) {
    const days = loop.latencyDays === undefined ? '' : ` in ${countOf(loop.latencyDays, 'day')}`
    return `${loop.outcome}${days}${loop.closedBy === undefined ? '' : `, closed by ${naming.asset(loop.closedBy)}`}`
  }
  const where = stop.actor === loop.holder ? `stays with ${naming.actor(stop.actor)}` : `stops at ${naming.actor(stop.actor)}`
  const what = stop.asset === loop.source ? '' : ` with ${naming.asset(stop.asset)}`
  return `${loop.outcome}, ${where}${what} (${stop.reason}: ${stopReasonInWords(naming, loop)})`
}

/** "'patients' -> 'ward' ['tell'] -> 'patients' ['reply']": each actor reached after the channel that reached it. */
const routeInWords = (naming: NamingPolicy, steps: ReadonlyArray<TracedStep>): string =>
  steps.length === 0 ? 'none' : [naming.actor(steps[0]!.from), ...steps.map((step) => `${naming.actor(step.to)} [${quoteIdQuickly(step.channel)}]`)].join(' -> ')

const describeLoop = (naming: NamingPolicy, loop: TracedLoop): string =>
  `${naming.asset(loop.source)} from ${naming.actor(loop.holder)}: ${outcomeInWords(naming, loop)}; ` +
  `route ${routeInWords(naming, loop.steps)} (reliability ${loop.reliability.toFixed(3)}); ` +
  `the whole trace travelled at ${loop.levels.length === 0 ? 'no level' : loop.levels.join(', ')}; learning order ${loop.order}; provenance ${loop.provenance}`

/**
 * The text report: one line per traced loop, in model order, then a summary line
 * ("3 sources: 1 did, 0 decided, 0 heard, 2 open"). Actors and assets are named by
 * quoted id unless `names` is set, since names may identify people. @internal
 */
export const traceReportText = (model: Model, search: TraceSearch, options: { readonly names: boolean; readonly budget: number }): string => {
  const naming = createNamingPolicy(model, options.names)
  const counts = loopOutcomes.map((outcome) => `${search.loops.filter((loop) => loop.outcome === outcome).length} ${outcome}`)
  const truncated = search.truncated
    ? ` (truncated: the trace budget of ${options.budget.toLocaleString('en-GB')} steps ran out before every source was followed; raise --budget to follow them all)`
    : ''
  return `${search.loops.map((loop) => `${describeLoop(naming, loop)}\n`).join('')}${countOf(search.loops.length, 'source')}: ${counts.join(', ')}${truncated}\n`
}
