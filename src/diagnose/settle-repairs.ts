import { applyRepairs } from '../graph/apply-repairs.js'
import type { ProposedChannel } from '../graph/types.js'
import type { Model } from '../model/codecs.js'
import type { Defect } from './types.js'

/** Most rounds of settling; each is one more diagnosis of the repaired model. */
const maxRounds = 3

/** What repairs must clear: every error, and every open loop. */
const unsettled = (defect: Defect): boolean => (defect.severity === 'error' || defect.rule === 'open-loop') && (defect.repair?.length ?? 0) > 0

/** The defect a later repair belongs with: one about the same source, else one about the same actors, else the first with a repair. */
const homeOf = (defects: ReadonlyArray<Defect>, later: Defect): number => {
  const source = later.assets[0]
  const withRepair = (index: number): boolean => (defects[index]!.repair?.length ?? 0) > 0
  const indices = defects.map((_, index) => index).filter(withRepair)
  return (
    indices.find((index) => source !== undefined && defects[index]!.assets.includes(source)) ??
    indices.find((index) => defects[index]!.actors.some((actor) => later.actors.includes(actor))) ??
    indices[0]!
  )
}

/**
 * Make the repairs of a diagnosis settle. Repairs proposed for different findings can
 * meet: a story passed on by one repair may reach a change that no other repair reports.
 * So the repairs are applied and the model diagnosed again; the repairs the repaired
 * model still needs are added to the defect they belong with (the same source, else the
 * same actors), and so on, at most three rounds. Applying every repair of the result
 * then clears every error and open loop wherever three rounds suffice. Costs one
 * diagnosis of the repaired model when there are repairs, one more per round needed.
 * @internal
 */
export const settleRepairs = (model: Model, defects: ReadonlyArray<Defect>, rediagnose: (repaired: Model) => ReadonlyArray<Defect>): ReadonlyArray<Defect> => {
  let all: ReadonlyArray<ProposedChannel> = defects.flatMap((defect) => defect.repair ?? [])
  if (all.length === 0) return defects
  const extra = new Map<number, ProposedChannel[]>()
  for (let round = 0; round < maxRounds; round++) {
    const left = rediagnose(applyRepairs(model, all)).filter(unsettled)
    if (left.length === 0) break
    const added: ProposedChannel[] = []
    for (const later of left) {
      const home = homeOf(defects, later)
      const list = extra.get(home)
      if (list === undefined) extra.set(home, [...later.repair!])
      else list.push(...later.repair!)
      added.push(...later.repair!)
    }
    all = [...all, ...added]
  }
  return extra.size === 0 ? defects : defects.map((defect, index) => (extra.has(index) ? { ...defect, repair: [...(defect.repair ?? []), ...extra.get(index)!] } : defect))
}
