import type { DeclaredLoop } from '../../model/codecs.js'
import type { AssetId } from '../../model/primitives.js'
import type { DiagnosisContext } from '../context.js'
import { routeLevelOf } from '../../graph/trace-route.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { declaredChildren } from '../declared-children.js'
import { fixablePromise, outcomeInWords } from './declared-loop-broken.js'
import { outcomeRank } from './chain-levels.js'
import { walkDeclaredLoop } from './declared-walk.js'

/**
 * **promise-not-kept** finds a declared loop that promises more than was ever done with
 * what people said: a "you said, we did" board with nothing changed from the comments,
 * a committee that promises decisions and only notes reports. Mending the declared
 * loop's own steps cannot keep such a promise; someone has to decide or change something
 * (a repair of another finding may bring what was said to them). Saying "we did" when nothing was
 * done is what erodes trust in feedback (Care Opinion; Arnstein's placation).
 *
 * How: for each declared loop with a `source` and `promises`, the outcome its source's
 * traced loop would have once the loop's steps are repaired (`walkDeclaredLoop`) is
 * compared with the promise (did > decided > heard). When it falls short and nothing
 * made from the source is good enough for a reply to keep the promise (no change, for
 * `did`; no decision or change, for `decided`), one finding per declared loop; a promise
 * a reply could keep is part of `declared-loop-broken`, and so is one that something
 * declared to be made from the source would keep once channels carry it there (a change
 * made from the themes at a meeting that has lapsed). No channel repair.
 * O(steps × assets the actors on them hold + the trace's reach), per declared loop.
 *
 * Options: none.
 * @category Rules
 */
export const promiseNotKept = defineRule({
  id: 'promise-not-kept',
  description: 'A declared loop that promises more than was ever decided or changed from its source.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const declared of context.model.loops) {
      if (declared.promises === undefined || declared.source === undefined) continue
      const walk = walkDeclaredLoop(context, declared)
      if (walk.expected === undefined || walk.subject === undefined || walk.expected >= outcomeRank(declared.promises)) continue
      if (fixablePromise(context, declared, walk) !== undefined) continue
      if (declaredToGoFarEnough(context, declared.source, declared.promises)) continue
      const { naming } = context
      const now = ['open', 'heard', 'decided', 'did'][walk.expected + 1]!
      const holder = naming.actor(walk.subject.holder)
      findings.push({
        message: `Declared loop ${naming.loop(declared.id)} promises ${holder} ${outcomeInWords[declared.promises]} about ${naming.asset(declared.source)}, but nothing made from it goes that far: at best ${holder} get ${outcomeInWords[now]}. Mending the declared loop's own steps cannot keep this promise; someone has to ${declared.promises === 'did' ? 'change something' : 'decide something'} because of what they said (other findings may say where it could reach them), or the promise should say less.`,
        level: declared.level,
        actors: [walk.subject.holder, ...declared.through],
        channels: [],
        assets: [walk.subject.source, ...walk.subject.derived],
      })
    }
    return findings
  },
})

/**
 * Whether the model declares something good enough for the promise made, through
 * `derivedFrom`, from the source: then channels that carried it could keep the promise,
 * and the other rules name the channel that is missing. O(declared links), once per
 * model.
 */
const declaredToGoFarEnough = (context: DiagnosisContext, source: AssetId, promise: NonNullable<DeclaredLoop['promises']>): boolean => {
  const children = declaredChildren(context)
  const seen = new Set<AssetId>([source])
  const queue: AssetId[] = [source]
  for (let head = 0; head < queue.length; head++) {
    for (const child of children.get(queue[head]!) ?? []) {
      if (seen.has(child)) continue
      const kind = context.asset(child)?.kind
      if (kind !== undefined && routeLevelOf(kind) >= (promise === 'did' ? 2 : 1)) return true
      seen.add(child)
      queue.push(child)
    }
  }
  return false
}
