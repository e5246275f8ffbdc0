import type { Model } from '../model/codecs.js'
import { levels } from '../model/vocabulary.js'
import type { MeasureContext } from './context.js'
import type { ItemResult } from './item.js'
import type { MeasurementSummary } from './measure-summary.js'
import { GroupBuilder, type GroupSummary, stageTransitions } from './summary.js'

const dimensions = ['levels', 'actors', 'raisers', 'channels', 'tags', 'sources', 'loops'] as const
type Dimension = (typeof dimensions)[number]

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Counts measured items into every group they belong to: overall, their level, every
 * actor they reached, every channel they used, the actor who raised them with that
 * actor's tags, their source, and each declared loop whose first actor raised them at
 * the loop's level. Memory follows the groups, not the items.
 * @internal
 */
export class MeasurementCollector {
  private readonly overall: GroupBuilder
  private readonly groups = new Map<Dimension, Map<string, GroupBuilder>>(dimensions.map((name) => [name, new Map()]))
  private readonly flows = new Map<number, number>()

  constructor(private readonly context: MeasureContext, private readonly relativeAccuracy: number) {
    this.overall = new GroupBuilder(context.mapping.resolutionDays, relativeAccuracy)
  }

  private transitions: ReadonlyArray<number> = []

  private addTo(dimension: Dimension, key: string, result: ItemResult): void {
    const groups = this.groups.get(dimension)!
    let builder = groups.get(key)
    if (builder === undefined) groups.set(key, (builder = new GroupBuilder(this.context.mapping.resolutionDays, this.relativeAccuracy)))
    builder.add(result, this.transitions)
  }

  /** Count one item. */
  add(result: ItemResult): void {
    const { context } = this
    const model: Model = context.model
    this.transitions = stageTransitions(result, this.relativeAccuracy)
    this.overall.add(result, this.transitions)
    this.addTo('levels', result.level < 0 ? 'unassigned' : levels[result.level]!, result)
    for (const actor of result.actors) this.addTo('actors', context.actorIds[actor]!, result)
    for (const channel of result.channels) this.addTo('channels', model.channels[channel]!.id, result)
    if (result.source >= 0) this.addTo('sources', context.assetIds[result.source]!, result)
    if (result.raiser >= 0) {
      const raiser = model.actors[result.raiser]!
      this.addTo('raisers', raiser.id, result)
      for (const tag of new Set(raiser.tags)) this.addTo('tags', tag, result)
      for (const loop of model.loops) {
        if (loop.through[0] === raiser.id && (result.level < 0 || loop.level === levels[result.level])) this.addTo('loops', loop.id, result)
      }
    }
    for (const [from, to] of result.unmodelled) {
      const key = from * context.actorIds.length + to
      this.flows.set(key, (this.flows.get(key) ?? 0) + 1)
    }
  }

  /** The groups and flows, with open items censored at `until`. */
  toSummary(until: number): Pick<MeasurementSummary, 'overall' | 'groups' | 'unmodelledFlows'> {
    const { actorIds } = this.context
    const list = (groups: Map<string, GroupBuilder>): ReadonlyArray<GroupSummary> =>
      [...groups.entries()].sort(([a], [b]) => byText(a, b)).map(([key, builder]) => builder.toSummary(key, actorIds, until))
    const count = actorIds.length
    return {
      overall: this.overall.toSummary('all', actorIds, until),
      groups: Object.fromEntries(dimensions.map((name) => [name, list(this.groups.get(name)!)])) as unknown as MeasurementSummary['groups'],
      unmodelledFlows: [...this.flows.entries()]
        .map(([key, items]) => ({ from: actorIds[Math.floor(key / count)]!, to: actorIds[key % count]!, items }))
        .sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to)),
    }
  }
}
