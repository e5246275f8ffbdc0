import { applyRepairsInOrder } from '../graph/apply-repairs.js'
import type { ProposedChannel } from '../graph/types.js'
import type { Model } from '../model/codecs.js'
import type { Defect } from './types.js'

/** Most rounds of settling; each is one more diagnosis of the repaired model. */
const maxRounds = 3

/** What repairs must clear: every error, and every open loop. */
const unsettled = (defect: Defect): boolean => (defect.severity === 'error' || defect.rule === 'open-loop') && (defect.repair?.length ?? 0) > 0

/**
 * Where later repairs go: the first defect with a repair about the same source, else
 * the first with a repair about one of the same actors, else the first with a repair.
 * Indexed once, so filing L later repairs among D defects costs O(D + L), not O(D × L).
 */
const homesOf = (defects: ReadonlyArray<Defect>) => {
  const bySource = new Map<string, number>()
  const byActor = new Map<string, number>()
  let first = -1
  defects.forEach((defect, index) => {
    if ((defect.repair?.length ?? 0) === 0) return
    if (first < 0) first = index
    for (const asset of defect.assets) if (!bySource.has(asset)) bySource.set(asset, index)
    for (const actor of defect.actors) if (!byActor.has(actor)) byActor.set(actor, index)
  })
  return (later: Defect): number => {
    const source = later.assets[0]
    const bySameSource = source === undefined ? undefined : bySource.get(source)
    if (bySameSource !== undefined) return bySameSource
    let home = -1
    for (const actor of later.actors) {
      const index = byActor.get(actor)
      if (index !== undefined && (home < 0 || index < home)) home = index
    }
    return home >= 0 ? home : first
  }
}

/**
 * Make the repairs of a diagnosis settle. Repairs proposed for different findings can
 * meet: a story passed on by one repair may reach a change that no other repair reports.
 * So the repairs are applied and the model diagnosed again; the repairs the repaired
 * model still needs are added to the defect they belong with (the same source, else the
 * same actors), and so on, at most three rounds. `tidy` finishes a list of defects'
 * repairs (relays, channels brought back, distinct ids); each round applies the tidied
 * repairs, exactly those the result proposes. Applying every repair of the result then
 * clears every error and open loop wherever three rounds suffice. Costs one diagnosis of
 * the repaired model when there are repairs, one more per round needed. `model` is in
 * canonical order (as the diagnosis context holds it), and so is each repaired model.
 * @internal
 */
export const settleRepairs = (
  model: Model,
  defects: ReadonlyArray<Defect>,
  tidy: (defects: ReadonlyArray<Defect>) => ReadonlyArray<Defect>,
  rediagnose: (repaired: Model) => ReadonlyArray<Defect>,
): ReadonlyArray<Defect> => {
  let settled = tidy(defects)
  if (settled.every((defect) => (defect.repair?.length ?? 0) === 0)) return settled
  const extra = new Map<number, ProposedChannel[]>()
  // Indexed only when a round leaves something to file (most models settle in one).
  let homeOf: ((later: Defect) => number) | undefined
  const polarised = model.channels.some((channel) => channel.polarity !== undefined)
  const withExtra = (): ReadonlyArray<Defect> =>
    defects.map((defect, index) => (extra.has(index) ? { ...defect, repair: [...(defect.repair ?? []), ...extra.get(index)!] } : defect))
  for (let round = 0; round < maxRounds; round++) {
    const left = rediagnose(applyRepairsInOrder(model, settled.flatMap((defect) => defect.repair ?? []), polarised)).filter(unsettled)
    if (left.length === 0) break
    homeOf ??= homesOf(defects)
    for (const later of left) {
      const home = homeOf(later)
      const list = extra.get(home)
      if (list === undefined) extra.set(home, [...later.repair!])
      else list.push(...later.repair!)
    }
    settled = tidy(withExtra())
  }
  return settled
}
