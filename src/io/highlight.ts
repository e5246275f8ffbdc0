import type { Actor, Model } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import type { ProposedChannel } from '../graph/types.js'
import { levels, type Level } from '../model/vocabulary.js'

/**
 * What a diagram should pick out. Any source can fill it: a diagnosis (the channels
 * and actors of its defects, the repairs it proposes), a loop search, or a hand-made
 * list. Highlighted channels and actors are drawn red; proposed channels are drawn
 * dashed. Ids that name nothing in the model are ignored. Ids are read as plain
 * strings (`channels: ['pals-letter']`), so a hand-made list needs no casts; the
 * branded ids a diagnosis returns fit as they are.
 * @category Interop
 */
export interface Highlight {
  /** Channels to draw red (broken, open or otherwise in question). */
  readonly channels?: ReadonlyArray<string>
  /** Actors to outline red. */
  readonly actors?: ReadonlyArray<string>
  /** Channels that do not exist yet, drawn dashed (repairs): what `suggestRepairs` returns, or the same shape by hand. */
  readonly proposed?: ReadonlyArray<
    Omit<ProposedChannel, 'from' | 'to' | 'carries'> & { readonly from: string; readonly to: string; readonly carries: ReadonlyArray<string> }
  >
}

/** A {@link Highlight} as sets, with proposed channels between known actors only. @internal */
export interface HighlightSets {
  readonly channels: ReadonlySet<string>
  readonly actors: ReadonlySet<ActorId>
  readonly proposed: ReadonlyArray<ProposedChannel>
}

/** Normalise a highlight against a model. @internal */
export const highlightSets = (model: Model, highlight: Highlight = {}): HighlightSets => {
  const known = new Set<string>(model.actors.map((actor) => actor.id))
  // An id that names an actor of the model is that actor's (branded) id.
  const isKnown = (id: string): id is ActorId => known.has(id)
  return {
    channels: new Set(highlight.channels ?? []),
    actors: new Set((highlight.actors ?? []).filter(isKnown)),
    proposed: (highlight.proposed ?? []).filter((channel): channel is ProposedChannel => isKnown(channel.from) && isKnown(channel.to)),
  }
}

/**
 * Safe node ids for diagram languages: actor `i` (in model order, first of a repeated
 * id) becomes `n{i}`. Raw ids never reach the diagram text, so ids such as `graph`,
 * `end` or `__proto__` cannot break its syntax.
 * @internal
 */
export const nodeIds = (model: Model): ReadonlyMap<ActorId, string> => {
  const ids = new Map<ActorId, string>()
  for (const actor of model.actors) if (!ids.has(actor.id)) ids.set(actor.id, `n${ids.size}`)
  return ids
}

/**
 * The level whose group (subgraph, cluster) an actor is drawn in: the lowest level it
 * takes part in, since a node can sit in only one group.
 * @internal
 */
export const homeLevel = (actor: Actor): Level =>
  levels.find((level) => actor.levels.includes(level)) ?? 'delivery'

/** Actors grouped by home level, levels lowest first, empty levels left out. @internal */
export const actorsByLevel = (model: Model): ReadonlyArray<readonly [Level, ReadonlyArray<Actor>]> => {
  const seen = new Set<ActorId>()
  const groups = new Map<Level, Actor[]>(levels.map((level) => [level, []]))
  for (const actor of model.actors) {
    if (seen.has(actor.id)) continue
    seen.add(actor.id)
    groups.get(homeLevel(actor))!.push(actor)
  }
  return levels.flatMap((level) => {
    const group = groups.get(level)!
    return group.length === 0 ? [] : [[level, group] as const]
  })
}

/** "Delivery", "Planning", "Strategy". @internal */
export const levelTitle = (level: Level): string => `${level[0]!.toUpperCase()}${level.slice(1)}`
