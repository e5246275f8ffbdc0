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
 * the loop's level. Items that belong to the same groups (same level, raiser, source,
 * actors and channels) are counted once into a builder of their own, added into each
 * of their groups later (exactly: counts add): an item costs one count, not one per
 * group. Memory follows the groups and at most `kindsKept` such kinds, not the items.
 * @internal
 */
export class MeasurementCollector {
  private readonly overall: GroupBuilder
  private readonly groups = new Map<Dimension, Map<string, GroupBuilder>>(dimensions.map((name) => [name, new Map()]))
  private readonly flows = new Map<number, number>()
  private readonly classes = new Map<string, { readonly member: ItemResult; readonly builder: GroupBuilder }>()

  constructor(
    private readonly context: MeasureContext,
    private readonly relativeAccuracy: number,
    private readonly kindsKept = 1024,
  ) {
    this.overall = new GroupBuilder(context.mapping.resolutionDays, relativeAccuracy)
  }

  private addTo(dimension: Dimension, key: string, counted: GroupBuilder): void {
    const groups = this.groups.get(dimension)!
    let builder = groups.get(key)
    if (builder === undefined) groups.set(key, (builder = new GroupBuilder(this.context.mapping.resolutionDays, this.relativeAccuracy)))
    builder.absorb(counted)
  }

  /** Count one item. */
  add(result: ItemResult): void {
    const key = `${result.level} ${result.raiser} ${result.source} ${result.actors.join(',')} ${result.channels.join(',')}`
    let kind = this.classes.get(key)
    if (kind === undefined) {
      if (this.classes.size >= this.kindsKept) this.flush()
      kind = { member: result, builder: new GroupBuilder(this.context.mapping.resolutionDays, this.relativeAccuracy) }
      this.classes.set(key, kind)
    }
    kind.builder.add(result, stageTransitions(result, this.relativeAccuracy))
    for (const [from, to] of result.unmodelled) {
      const flow = from * this.context.actorIds.length + to
      this.flows.set(flow, (this.flows.get(flow) ?? 0) + 1)
    }
  }

  /** Add each kind of item into the groups its items belong to, and forget the kinds. */
  private flush(): void {
    const { context } = this
    const model: Model = context.model
    for (const { member, builder } of this.classes.values()) {
      this.overall.absorb(builder)
      this.addTo('levels', member.level < 0 ? 'unassigned' : levels[member.level]!, builder)
      for (const actor of member.actors) this.addTo('actors', context.actorIds[actor]!, builder)
      for (const channel of member.channels) this.addTo('channels', model.channels[channel]!.id, builder)
      if (member.source >= 0) this.addTo('sources', context.assetIds[member.source]!, builder)
      if (member.raiser >= 0) {
        const raiser = model.actors[member.raiser]!
        this.addTo('raisers', raiser.id, builder)
        for (const tag of new Set(raiser.tags)) this.addTo('tags', tag, builder)
        for (const loop of model.loops) {
          if (loop.through[0] === raiser.id && (member.level < 0 || loop.level === levels[member.level])) this.addTo('loops', loop.id, builder)
        }
      }
    }
    this.classes.clear()
  }

  /** The groups and flows, with open items censored at `until`. */
  toSummary(until: number): Pick<MeasurementSummary, 'overall' | 'groups' | 'unmodelledFlows'> {
    this.flush()
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
