import { type CompiledGraph, compileGraph } from '../graph/compile.js'
import { returnPathInGraph } from '../graph/paths.js'
import type { Model } from '../model/codecs.js'
import { type Level, levels } from '../model/vocabulary.js'
import type { BadInputReason, LogEvent } from './events.js'
import { type ResolvedMapping, type Stage, stages } from './mapping.js'

/** Outcomes of a closed item, in order of strength: 0 heard, 1 decided, 2 did. @internal */
export const outcomes = ['heard', 'decided', 'did'] as const

/**
 * What one measurement needs from the model and the mapping, as integer indices, and
 * the table of event types: an event is stored as (time, row, type), where the type
 * interns everything else about it (activity, stage, actor, channel, level, outcome).
 * Distinct types are few (activities × resources), so memory follows items, not cells.
 * @internal
 */
export class MeasureContext {
  readonly actorIds: ReadonlyArray<string>
  readonly actorIndex = new Map<string, number>()
  readonly channelIndex = new Map<string, number>()
  readonly assetIds: ReadonlyArray<string>
  /** Model channels from one actor to another, keyed `from * actors + to`. */
  private readonly channelsBetween = new Map<number, number[]>()
  private readonly typeIndex = new Map<string, Map<number, number>>()
  readonly typeStage: number[] = []
  readonly typeActor: number[] = []
  readonly typeChannel: number[] = []
  readonly typeLevel: number[] = []
  readonly typeOutcome: number[] = []
  readonly typeSource: number[] = []
  private graph: CompiledGraph | undefined
  private readonly routes = new Map<number, ReadonlyArray<number> | undefined>()
  private readonly flowChannels = new Map<number, number>()
  private readonly plainTypes = new Map<string, Map<string | undefined, number>>()

  constructor(readonly model: Model, readonly mapping: ResolvedMapping) {
    this.actorIds = model.actors.map((actor) => actor.id)
    this.actorIds.forEach((id, index) => this.actorIndex.set(id, index))
    model.channels.forEach((channel, index) => {
      this.channelIndex.set(channel.id, index)
      const key = this.actorIndex.get(channel.from)! * this.actorIds.length + this.actorIndex.get(channel.to)!
      const list = this.channelsBetween.get(key)
      if (list === undefined) this.channelsBetween.set(key, [index])
      else list.push(index)
    })
    this.assetIds = model.assets.map((asset) => asset.id)
  }

  /**
   * The event's type index, or why it cannot be used; `notes` collects cells that are
   * dropped while the event itself still counts (an unknown resource, level, channel).
   * `-1` for an activity the mapping ignores.
   */
  typeOf(event: LogEvent, notes: BadInputReason[]): number | BadInputReason {
    if (event.level !== undefined || event.channel !== undefined || event.outcome !== undefined) return this.findType(event, notes)
    // Most logs have only an activity and a resource: the type of each known pair is
    // remembered (unknown names are not, so memory follows the mapping, not the log).
    let byResource = this.plainTypes.get(event.activity)
    if (byResource === undefined) {
      if (!this.mapping.stageOf.has(event.activity) && !this.mapping.ignored.has(event.activity)) return 'unknown-activity'
      this.plainTypes.set(event.activity, (byResource = new Map()))
    }
    const known = byResource.get(event.resource)
    if (known !== undefined) return known
    const noted = notes.length
    const type = this.findType(event, notes)
    if (typeof type === 'number' && notes.length === noted) byResource.set(event.resource, type)
    return type
  }

  private findType(event: LogEvent, notes: BadInputReason[]): number | BadInputReason {
    const stage = this.mapping.stageOf.get(event.activity)
    if (stage === undefined) return this.mapping.ignored.has(event.activity) ? -1 : 'unknown-activity'
    let actor = -1
    if (event.resource !== undefined) {
      const id = this.mapping.actorOf.get(event.resource)
      if (id === undefined) notes.push('unknown-resource')
      else actor = this.actorIndex.get(id)!
    }
    let level = -1
    if (event.level !== undefined) {
      level = levels.indexOf(event.level.toLowerCase() as Level)
      if (level < 0) notes.push('unknown-level')
    }
    let channel = -1
    if (event.channel !== undefined) {
      channel = this.channelIndex.get(event.channel) ?? -1
      if (channel < 0) notes.push('unknown-channel')
    }
    let outcome = -1
    if (event.outcome !== undefined) {
      const named = this.mapping.outcomeOf.get(event.outcome)
      if (named === undefined) notes.push('unknown-outcome')
      else outcome = outcomes.indexOf(named)
    }
    // Everything but the activity is a small index: one number keys it exactly.
    const cells = (((actor + 1) * (this.model.channels.length + 1) + channel + 1) * 4 + level + 1) * 4 + outcome + 1
    let byCells = this.typeIndex.get(event.activity)
    if (byCells === undefined) this.typeIndex.set(event.activity, (byCells = new Map()))
    let type = byCells.get(cells)
    if (type === undefined) {
      const source = this.mapping.sourceOf.get(event.activity)
      type = this.typeStage.length
      byCells.set(cells, type)
      this.typeStage.push(stages.indexOf(stage as Stage))
      this.typeActor.push(actor)
      this.typeChannel.push(channel)
      this.typeLevel.push(level)
      this.typeOutcome.push(outcome)
      this.typeSource.push(source === undefined ? -1 : this.assetIds.indexOf(source))
    }
    return type
  }

  /**
   * The model channel a flow from one actor to another most likely used: an active one
   * at the item's level first. Worked out once per pair and level.
   */
  channelFor(from: number, to: number, level: number): number {
    const key = (from * this.actorIds.length + to) * 4 + level + 1
    let channel = this.flowChannels.get(key)
    if (channel === undefined) {
      const candidates = this.channelsBetween.get(from * this.actorIds.length + to)
      const channels = this.model.channels
      const active = candidates?.filter((index) => channels[index]!.status === 'active')
      const pool = active === undefined ? undefined : active.length > 0 ? active : candidates!
      channel = pool === undefined ? -1 : (pool.find((index) => level >= 0 && channels[index]!.level === levels[level]) ?? pool[0]!)
      this.flowChannels.set(key, channel)
    }
    return channel
  }

  /**
   * The model channels on the shortest route of active channels by which a reply from
   * one actor reaches another, or `undefined` when the model has none. Computed once
   * per pair of actors (breadth-first search on the compiled graph).
   */
  replyRoute(from: number, to: number): ReadonlyArray<number> | undefined {
    const key = from * this.actorIds.length + to
    if (this.routes.has(key)) return this.routes.get(key)
    this.graph ??= compileGraph(this.model)
    const graph = this.graph
    const path = returnPathInGraph(graph, graph.indexOf.get(this.model.actors[from]!.id) ?? -1, graph.indexOf.get(this.model.actors[to]!.id) ?? -1)
    const route = path?.channels.map((id) => this.channelIndex.get(id)!)
    this.routes.set(key, route)
    return route
  }
}
