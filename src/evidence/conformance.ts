import type { Model } from '../model/codecs.js'
import type { LoopOutcomePromise } from '../model/vocabulary.js'
import { closureBy, type EstimateWithInterval } from '../stats/kaplan-meier.js'
import { riskSetTotals } from '../stats/risk-set.js'
import type { MeasurementSummary } from './measure-summary.js'
import { groupEstimates, type ReportedCount, reportCount, type ReportSettings } from './report.js'
import { shareWords } from './share-words.js'
import type { GroupSummary } from './summary.js'

/**
 * What the model says about one traced loop (DESIGN §3), as `traceLoops` returns it:
 * the source, its holder and the outcome the model says the loop reaches. Pass the
 * model's traced loops to compare them with the records.
 * @category Evidence
 */
export interface TracedLoopClaim {
  readonly source: string
  readonly holder: string
  readonly outcome: 'did' | 'decided' | 'heard' | 'open'
}

/**
 * A measured finding, shaped like a diagnosis defect: a rule id of its own, a severity,
 * a message with the counts and intervals behind it, and the ids it is about.
 *
 * - `measured-unmodelled-flow`: records show items going between two actors that no
 *   model channel joins.
 * - `measured-unused-channel`: an active model channel no item in the records used.
 * - `measured-loop-below-promise`: a declared loop whose measured closure at its
 *   promised outcome is below the promised share, with confidence.
 * - `measured-loop-never-closes`: a traced loop the model says closes that never closes
 *   in the records.
 * @category Evidence
 */
export interface ConformanceFinding {
  readonly rule: 'measured-unmodelled-flow' | 'measured-unused-channel' | 'measured-loop-below-promise' | 'measured-loop-never-closes'
  readonly severity: 'error' | 'warning' | 'info'
  readonly message: string
  readonly actors: ReadonlyArray<string>
  readonly channels: ReadonlyArray<string>
  readonly assets: ReadonlyArray<string>
  readonly loop?: string
}

/** How a declared loop's promise compares with the records. @category Evidence */
export interface PromiseCheck {
  readonly loop: string
  readonly promises: LoopOutcomePromise
  readonly items: ReportedCount
  /** The day closure is read at: the loop's `maxLatencyDays`, else the log's end. */
  readonly days: number
  readonly closed?: EstimateWithInterval
  /** `below`: the interval lies under the promised share; `met`: above; `uncertain`: it straddles. */
  readonly status: 'below' | 'met' | 'uncertain' | 'too-few-items'
}

/** The model and the records compared. @category Evidence */
export interface ConformanceReport {
  readonly unmodelledFlows: ReadonlyArray<{ readonly from: string; readonly to: string; readonly items: ReportedCount }>
  readonly unusedChannels: ReadonlyArray<string>
  readonly promises: ReadonlyArray<PromiseCheck>
  /** Traced loops the model says close, and whether any item closed so in the records. */
  readonly tracedLoops: ReadonlyArray<{ readonly source: string; readonly holder: string; readonly outcome: string; readonly items: ReportedCount; readonly closed: ReportedCount }>
  readonly findings: ReadonlyArray<ConformanceFinding>
}

/** Options of the conformance check. @category Evidence */
export interface ConformanceOptions {
  /** The share of items a loop must close with its promised outcome to keep its promise (default 0.5). */
  readonly promiseShare?: number
  /** The model's traced loops (`traceLoops(model).loops`), to check against the records. */
  readonly tracedLoops?: ReadonlyArray<TracedLoopClaim>
}

const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`
const replyWords: Readonly<Record<LoopOutcomePromise, string>> = { heard: 'a reply', decided: 'a reply saying what was decided', did: 'a reply saying what was done' }

/** Compare a measurement with its model. O(model + groups). @internal */
export const checkConformance = (model: Model, summary: MeasurementSummary, settings: ReportSettings, options: ConformanceOptions): ConformanceReport => {
  const findings: ConformanceFinding[] = []
  const count = (n: number): ReportedCount => reportCount(n, settings)
  // Findings name people as the model does, so a ward manager can read them.
  const actorNames = new Map(model.actors.map((actor) => [actor.id as string, actor.name]))
  const assetNames = new Map(model.assets.map((asset) => [asset.id as string, asset.name]))
  const nameOf = (id: string): string => actorNames.get(id) ?? id
  const reached = new Map(summary.groups.actors.map((group) => [group.key, group.items]))
  const unmodelledFlows = summary.unmodelledFlows.map((flow) => ({ ...flow, items: count(flow.items) }))
  summary.unmodelledFlows.forEach((flow, index) => {
    const share = shareWords(flow.items, reached.get(flow.from) ?? 0, `that reached ${nameOf(flow.from)}`, settings)
    findings.push({
      rule: 'measured-unmodelled-flow',
      severity: 'warning',
      message: `Records show ${unmodelledFlows[index]!.items} items going from ${nameOf(flow.from)} to ${nameOf(flow.to)}${share === '' ? '' : ` (${share})`}, but the model has no channel between them: the model is out of date, or people work around it.`,
      actors: [flow.from, flow.to],
      channels: [],
      assets: [],
    })
  })
  const used = new Set(summary.groups.channels.map((group) => group.key))
  const unusedChannels = model.channels.filter((channel) => channel.status === 'active' && !used.has(channel.id)).map((channel) => channel.id)
  for (const channel of unusedChannels) {
    const modelled = model.channels.find((candidate) => candidate.id === channel)!
    const senders = reached.get(modelled.from) ?? 0
    const share = shareWords(0, senders, `that reached ${nameOf(modelled.from)}`, settings)
    const message =
      senders === 0
        ? `No item in the records reached ${nameOf(modelled.from)}, so channel '${channel}' to ${nameOf(modelled.to)} was never used.`
        : `No item in the records went from ${nameOf(modelled.from)} to ${nameOf(modelled.to)} over channel '${channel}'${share === '' ? `, though ${count(senders)} reached ${nameOf(modelled.from)}` : ` (${share})`}: the model may show a channel nobody uses.`
    findings.push({ rule: 'measured-unused-channel', severity: 'info', message, actors: [modelled.from, modelled.to], channels: [channel], assets: [] })
  }
  const share = options.promiseShare ?? 0.5
  const loops = new Map(summary.groups.loops.map((group) => [group.key, group]))
  const promises: PromiseCheck[] = []
  for (const loop of model.loops) {
    if (loop.promises === undefined) continue
    const group = loops.get(loop.id)
    const items = group?.items ?? 0
    const days = loop.maxLatencyDays ?? (summary.observedUntil !== null && summary.observedFrom !== null ? summary.observedUntil - summary.observedFrom : 0)
    if (group === undefined || items < settings.suppressBelow) {
      promises.push({ loop: loop.id, promises: loop.promises, items: count(items), days, status: 'too-few-items' })
      continue
    }
    const closed = closureBy(groupEstimates(group, settings.confidence)[loop.promises], days)
    const status = closed.upper < share ? 'below' : closed.lower >= share ? 'met' : 'uncertain'
    promises.push({ loop: loop.id, promises: loop.promises, items: count(items), days, closed, status })
    if (status === 'below') {
      findings.push({
        rule: 'measured-loop-below-promise',
        severity: 'warning',
        message: `${loop.name} promises people ${replyWords[loop.promises]}, but by day ${days} only ${percent(closed.estimate)} of ${count(items)} items had one (${percent(settings.confidence)} interval ${percent(closed.lower)}–${percent(closed.upper)}), under the promised ${percent(share)}.`,
        actors: [...new Set(loop.through)],
        channels: [],
        assets: loop.source === undefined ? [] : [loop.source],
        loop: loop.id,
      })
    }
  }
  const sources = new Map(summary.groups.sources.map((group) => [group.key, group]))
  const raisers = new Map(summary.groups.raisers.map((group) => [group.key, group]))
  const tracedLoops: Array<ConformanceReport['tracedLoops'][number]> = []
  for (const claim of options.tracedLoops ?? []) {
    if (claim.outcome === 'open') continue
    const group: GroupSummary | undefined = sources.get(claim.source) ?? raisers.get(claim.holder)
    if (group === undefined) continue
    const closed = riskSetTotals(group.closure[claim.outcome]).events
    tracedLoops.push({ source: claim.source, holder: claim.holder, outcome: claim.outcome, items: count(group.items), closed: count(closed) })
    if (closed === 0 && group.items > 0) {
      const share = shareWords(0, group.items, 'in the records', settings)
      findings.push({
        rule: 'measured-loop-never-closes',
        severity: 'warning',
        message: `The model says ${nameOf(claim.holder)} get ${replyWords[claim.outcome]} about '${assetNames.get(claim.source) ?? claim.source}', but none of ${count(group.items)} items in the records closed so${share === '' ? '' : ` (${share})`}.`,
        actors: [claim.holder],
        channels: [],
        assets: [claim.source],
      })
    }
  }
  return { unmodelledFlows, unusedChannels, promises, tracedLoops, findings }
}
