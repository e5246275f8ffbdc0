import type { Model } from '../model/codecs.js'
import type { Loop } from '../graph/types.js'
import type { ActorId } from '../model/primitives.js'

/** A Kumu element (an actor). Kumu joins connections to elements by `label`. @category Interop */
export interface KumuElement {
  readonly label: string
  readonly type: string
  readonly id: string
  readonly perspective: string
  readonly levels: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
}

/** A Kumu connection (a channel). @category Interop */
export interface KumuConnection {
  readonly from: string
  readonly to: string
  readonly direction: 'directed'
  readonly type: string
  readonly id: string
  readonly level: string
  readonly status: string
  readonly carries: ReadonlyArray<string>
  readonly latencyDays?: number
  readonly reliability?: number
  readonly polarity?: string
}

/** A Kumu loop: the loop's connections (by element label), in order. @category Interop */
export interface KumuLoop {
  readonly label: string
  readonly type: string
  readonly polarity: string
  readonly levels: ReadonlyArray<string>
  readonly elements: ReadonlyArray<string>
  readonly connections: ReadonlyArray<{ readonly from: string; readonly to: string }>
}

/** A Kumu blueprint (JSON import). @category Interop */
export interface KumuBlueprint {
  readonly elements: ReadonlyArray<KumuElement>
  readonly connections: ReadonlyArray<KumuConnection>
  readonly loops: ReadonlyArray<KumuLoop>
}

/** Unique labels: the actor's name, or `name (id)` when another actor has the same name. */
const uniqueLabels = (model: Model): ReadonlyMap<ActorId, string> => {
  const count = new Map<string, number>()
  for (const actor of model.actors) count.set(actor.name, (count.get(actor.name) ?? 0) + 1)
  const labels = new Map<ActorId, string>()
  const taken = new Set<string>()
  for (const actor of model.actors) {
    if (labels.has(actor.id)) continue
    let label = count.get(actor.name)! > 1 ? `${actor.name} (${actor.id})` : actor.name
    for (let suffix = 2; taken.has(label); suffix++) label = `${actor.name} (${actor.id}) ${suffix}`
    taken.add(label)
    labels.set(actor.id, label)
  }
  return labels
}

/**
 * Convert a model to a Kumu blueprint (the JSON Kumu imports): actors as elements
 * (`type` is the actor kind; `label` the name, made unique with the id where two
 * actors share a name, since Kumu joins connections by label), channels as directed
 * connections (`type` is the level), and `loops` (for example from `findLoops`) as
 * Kumu loops named `Loop 1`, `Loop 2`, … with their learning order as `type`. Loops
 * are passed in so this module does not depend on loop enumeration. O(V + E + size of
 * the loops) time.
 * @category Interop
 */
export const toKumu = (model: Model, options: { readonly loops?: ReadonlyArray<Loop> } = {}): KumuBlueprint => {
  const labels = uniqueLabels(model)
  const labelOf = (id: ActorId): string => labels.get(id) ?? id
  const elements: KumuElement[] = model.actors.map((actor) => ({
    label: labelOf(actor.id),
    type: actor.kind,
    id: actor.id,
    perspective: actor.perspective,
    levels: actor.levels,
    tags: actor.tags,
  }))
  const connections: KumuConnection[] = model.channels.map((channel) => ({
    from: labelOf(channel.from),
    to: labelOf(channel.to),
    direction: 'directed',
    type: channel.level,
    id: channel.id,
    level: channel.level,
    status: channel.status,
    carries: channel.carries,
    ...(channel.latencyDays === undefined ? {} : { latencyDays: channel.latencyDays }),
    ...(channel.reliability === undefined ? {} : { reliability: channel.reliability }),
    ...(channel.polarity === undefined ? {} : { polarity: channel.polarity }),
  }))
  const loops: KumuLoop[] = (options.loops ?? []).map((loop, index) => ({
    label: `Loop ${index + 1}`,
    type: loop.order,
    polarity: loop.polarity,
    levels: loop.levels,
    elements: loop.actors.map(labelOf),
    connections: loop.actors.map((actor, step) => ({
      from: labelOf(actor),
      to: labelOf(loop.actors[(step + 1) % loop.actors.length]!),
    })),
  }))
  return { elements, connections, loops }
}
