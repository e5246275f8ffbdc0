import { type Level, isLayVoice, levels } from '../../model/vocabulary.js'
import type { Actor } from '../../model/codecs.js'
import type { ActorId, AssetId } from '../../model/primitives.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { listInWords } from '../naming.js'
import { freshAssetId, levelPreferring, sharedLevel } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

const acts = (context: DiagnosisContext, id: AssetId): boolean => {
  const kind = context.asset(id)?.kind
  return kind === 'change' || kind === 'experiment'
}

/**
 * **no-memory** finds a level on which knowledge is acted on but nothing that is
 * learned is written down: no `lesson` is made from any loop that starts there, so what
 * is learned lives only in people's heads and leaves with them. Beer's viable system
 * model needs a memory in every system that adapts; organisational intelligence names
 * "remember" as one of its six capabilities.
 *
 * How: per level, the traced loops (`traceLoops`) of sources that count there (as the
 * scorecard counts them: see `tracesStartingAt`). Knowledge is acted on when a `change` or `experiment` is made from it (whether
 * or not anyone is told: that is `acted-not-reported`'s matter); it is remembered when a
 * `lesson` is made from some loop of the level. One finding per level, at `info`: a
 * loop without a written lesson still works, it only forgets. The repair brings the
 * change to whoever keeps lessons (who writes a lesson of its own from it when what it
 * keeps is declared to be made from other things), or else has the team that made it
 * write a lesson from it and share it with a professional colleague it works with (one at a level
 * above its own first, such as a quality and safety meeting; never a lay or mixed group,
 * since what a team learns from carers' concerns can be about one named patient, nor an
 * outside intermediary). O(traced loops + the team's channels).
 *
 * Options: none.
 * @category Rules
 */
export const noMemory = defineRule({
  id: 'no-memory',
  description: 'A level on which knowledge is acted on but no traced loop writes a lesson.',
  defaultSeverity: 'info',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    const { naming } = context
    // A change reported at one level is not reported again at another: one lesson made from
    // it remembers both (a GP practice's telephony change, made from patients' feedback at
    // delivery and from its appointment data at planning).
    const reported = new Set<AssetId>()
    for (const level of context.levelsInUse) {
      // Each source once, at the level where it starts: a council that also sits at planning
      // and strategy is not told three times that its delivery changes leave no lesson.
      const loops = context.tracesStartingAt(level)
      const acted = loops.filter((loop) => loop.derived.some((id) => acts(context, id) && !reported.has(id)))
      if (acted.length === 0 || loops.some((loop) => loop.derived.some((id) => context.asset(id)?.kind === 'lesson'))) continue
      const change = acted[0]!.derived.find((id) => acts(context, id))!
      const repair = lessonRepair(context, acted[0]!, change, level)
      const sources = acted.map((loop) => loop.source)
      const changes = sortedUnique(acted.flatMap((loop) => loop.derived.filter((id) => acts(context, id))))
      for (const id of changes) reported.add(id)
      // People's stories are heard; a team's own figures, learned.
      const heard = acted.some((loop) => isLayVoice(context.actor(loop.holder)?.perspective ?? 'professional')) ? 'heard' : 'learned'
      findings.push({
        message: `What is ${heard} at ${level} level (${listInWords(sources.map(naming.asset), 3)}) is acted on (${listInWords(changes.map(naming.asset), 3)}), but no lesson is written from it: what is learned is forgotten when people move on.`,
        level,
        actors: sortedUnique([...acted.map((loop) => loop.holder), context.asset(change)!.holder]),
        channels: [],
        assets: sortedUnique([...sources, ...changes]),
        ...(repair === undefined ? {} : { repair: [repair] }),
      })
    }
    return findings
  },
})

/** The rank of an actor's lowest level in `levels` (delivery 0), or 3 with none. */
const levelRank = (own: ReadonlyArray<Level>): number => Math.min(3, ...own.map((level) => levels.indexOf(level)))

/** The change to someone who keeps lessons, or a lesson written where the change was made and shared with a colleague. */
const lessonRepair = (context: DiagnosisContext, loop: TracedLoop, change: AssetId, level: Level): ProposedChannel | undefined => {
  const { naming, graph } = context
  const maker = context.asset(change)!.holder
  const keepers = context.model.assets.filter((asset) => asset.kind === 'lesson' && asset.holder !== maker)
  // A log that takes in whatever its keeper hears keeps this too; a bulletin declared to be
  // made from other things gets a lesson of its own, written by its keeper, when that is a
  // professional colleague at a level the team works at (a patient safety team), not one
  // reached only through others.
  const mine = context.actor(maker)?.levels ?? []
  const keeper =
    keepers.find((asset) => asset.derivedFrom === undefined) ??
    keepers.find((asset) => {
      const holder = context.actor(asset.holder)
      return holder?.perspective === 'professional' && holder.kind !== 'intermediary' && holder.levels.some((at) => mine.includes(at))
    })
  if (keeper !== undefined) {
    const keep = { from: maker, to: keeper.holder, level: levelPreferring(context, maker, keeper.holder, level), carries: [change] }
    if (keeper.derivedFrom === undefined) {
      return { ...keep, reason: `let ${naming.actor(keeper.holder)} keep what ${naming.actor(maker)} learned from ${naming.asset(loop.source)} in ${naming.asset(keeper.id)}` }
    }
    const lesson = freshAssetId(context, change, 'lesson')
    return {
      ...keep,
      reason: `let ${naming.actor(keeper.holder)}, who keeps ${naming.asset(keeper.id)}, write down what ${naming.actor(maker)} learned from ${naming.asset(loop.source)}: a lesson made from ${naming.asset(change)}`,
      creates: [{ id: lesson, name: `Lesson from ${naming.useNames ? context.asset(change)!.name : change}`, kind: 'lesson', holder: keeper.holder, derivedFrom: [change] }],
    }
  }
  const v = graph.indexOf.get(maker)
  if (v === undefined) return undefined
  // A colleague: a professional the team works with, never a lay or mixed group (carers'
  // concerns are often about one named patient) nor an outside intermediary; one taking
  // part at a level above the team's (where a quality and safety meeting keeps learning)
  // first.
  const lowest = levelRank(context.actor(maker)?.levels ?? [])
  let colleague: ActorId | undefined
  let above = false
  const consider = (other: Actor): void => {
    if (other.id === maker || other.perspective !== 'professional' || other.kind === 'intermediary') return
    const higher = other.levels.some((level) => levels.indexOf(level) > lowest)
    if (colleague === undefined || (higher && !above)) ((colleague = other.id), (above = higher))
  }
  for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) consider(graph.actors[graph.targets[e]!]!)
  for (let i = graph.reverseOffsets[v]!; i < graph.reverseOffsets[v + 1]!; i++) consider(graph.actors[graph.sources[i]!]!)
  if (colleague === undefined) return undefined
  const lesson = freshAssetId(context, change, 'lesson')
  return {
    from: maker,
    to: colleague,
    level: sharedLevel(context, maker, colleague),
    carries: [lesson],
    reason: `write down what ${naming.actor(maker)} learned from ${naming.asset(loop.source)} and share it with ${naming.actor(colleague)}: a lesson made from ${naming.asset(change)}`,
    creates: [{ id: lesson, name: `Lesson from ${context.naming.useNames ? context.asset(change)!.name : change}`, kind: 'lesson', holder: maker, derivedFrom: [change] }],
  }
}
