import type { TracedLoop } from '../graph/trace-types.js'
import type { ProposedChannel } from '../graph/types.js'
import type { AssetId } from '../model/primitives.js'
import type { DiagnosisContext } from './context.js'
import { viaContact } from './reply-contact.js'
import { replyRepair } from './reply-repair.js'
import { fixablePromise } from './rules/declared-loop-broken.js'
import { walkDeclaredLoop } from './rules/declared-walk.js'

/**
 * The repairs of the first broken declared loop (in id order) that names `source`: its
 * missing or empty steps mended, and the reply that keeps its promise; `undefined` when
 * no declared loop names it or those that do propose nothing.
 */
const declaredRepair = (context: DiagnosisContext, source: AssetId): ReadonlyArray<ProposedChannel> | undefined => {
  for (const declared of context.model.loops) {
    if (declared.source !== source) continue
    const walk = walkDeclaredLoop(context, declared)
    const promise = fixablePromise(context, declared, walk) ?? []
    const repair = [...walk.steps.flatMap((step) => (step.status === 'ok' || step.repair === undefined ? [] : [step.repair])), ...promise]
    if (repair.length > 0) return repair
  }
  return undefined
}

/** Each traced loop's repairs, for one context: the rules and the scorecard ask for the same loops'. */
const cache = new WeakMap<DiagnosisContext, Map<TracedLoop, ReadonlyArray<ProposedChannel> | undefined>>()

/**
 * The channels that close one traced loop. Where the organisation declares a loop for its
 * source (comments answered on the matron's "you said, we did" poster) and that loop is
 * broken, the declared loop's own repairs: every finding about the source then proposes
 * mending the loop the organisation runs, as `declared-loop-broken` does, not a reply of
 * its own beside it (from the survey supplier). Otherwise `replyRepair`. A declared loop
 * whose repairs do not close the source's loop is followed, when settling, by a reply.
 * Worked out once for each loop of a context.
 * @internal
 */
export const loopRepair = (context: DiagnosisContext, loop: TracedLoop): ReadonlyArray<ProposedChannel> | undefined => {
  let known = cache.get(context)
  if (known === undefined) cache.set(context, (known = new Map()))
  if (known.has(loop)) return known.get(loop)
  const repair = declaredRepair(context, loop.source) ?? replyRepair(context, loop)?.flatMap((proposal) => viaContact(context, loop, proposal))
  known.set(loop, repair)
  return repair
}
