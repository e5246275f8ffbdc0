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
  private readonly typeIndex = new Map<string, number>()
  readonly typeStage: number[] = []
  readonly typeActor: number[] = []
  readonly typeChannel: number[] = []
  readonly typeLevel: number[] = []
  readonly typeOutcome: number[] = []
  readonly typeSource: number[] = []

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
    const source = this.mapping.sourceOf.get(event.activity)
    const key = `${event.activity}\u0000${actor}\u0000${channel}\u0000${level}\u0000${outcome}`
    let type = this.typeIndex.get(key)
    if (type === undefined) {
      type = this.typeStage.length
      this.typeIndex.set(key, type)
      this.typeStage.push(stages.indexOf(stage as Stage))
      this.typeActor.push(actor)
      this.typeChannel.push(channel)
      this.typeLevel.push(level)
      this.typeOutcome.push(outcome)
      this.typeSource.push(source === undefined ? -1 : this.assetIds.indexOf(source))
    }
    return type
  }

  /** The model channel a flow from one actor to another most likely used: an active one at the item's level first. */
  channelFor(from: number, to: number, level: number): number {
    const candidates = this.channelsBetween.get(from * this.actorIds.length + to)
    if (candidates === undefined) return -1
    const channels = this.model.channels
    const active = candidates.filter((index) => channels[index]!.status === 'active')
    const pool = active.length > 0 ? active : candidates
    return pool.find((index) => level >= 0 && channels[index]!.level === levels[level]) ?? pool[0]!
  }
}
