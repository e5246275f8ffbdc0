import type * as E from 'fp-ts/lib/Either.js'
import { type Actor, type Channel, type DeclaredLoop, type KnowledgeAsset, type Model, type ModelCodec, schemaVersion } from './codecs.js'
import { decodeModel } from './decode.js'
import type { ModelError } from './errors.js'
import type { DraftOf } from './primitives.js'

/** An actor as a script writes it: `perspective` and `tags` may be left out. @category Model */
export type ActorDraft = DraftOf<typeof Actor>
/** An asset as a script writes it: `acknowledged` may be left out. @category Model */
export type AssetDraft = DraftOf<typeof KnowledgeAsset>
/**
 * A channel as a script writes it: `status` may be left out, and so may `id` (one is
 * made from the ends, see {@link createModel}).
 * @category Model
 */
export type ChannelDraft = Omit<DraftOf<typeof Channel>, 'id'> & { readonly id?: string }
/** A declared loop as a script writes it. @category Model */
export type LoopDraft = DraftOf<typeof DeclaredLoop>

/** What names a model: its id, name and optional description. @category Model */
export type ModelHeader = Pick<DraftOf<typeof ModelCodec>, 'id' | 'name' | 'description'>

/**
 * A whole model as a script writes it: `schema` and the collections other than
 * `actors` may be left out, and so may the defaults inside each item.
 * @category Model
 */
export type ModelDraft = ModelHeader & {
  readonly schema?: typeof schemaVersion
  readonly actors: ReadonlyArray<ActorDraft>
  readonly assets?: ReadonlyArray<AssetDraft>
  readonly channels?: ReadonlyArray<ChannelDraft>
  readonly loops?: ReadonlyArray<LoopDraft>
}

/**
 * Give every channel without an id one made from its ends, `from->to`, with `-2`, `-3`
 * ... for further channels between the same pair. Ids given explicitly are never
 * reused, so the result depends only on the drafts and their order.
 */
const nameChannels = (channels: ReadonlyArray<ChannelDraft>): ReadonlyArray<DraftOf<typeof Channel>> => {
  const used = new Set<string>()
  for (const channel of channels) if (channel.id !== undefined) used.add(channel.id)
  const nextSuffix = new Map<string, number>()
  return channels.map((channel) => {
    if (channel.id !== undefined) return { ...channel, id: channel.id }
    const base = `${channel.from}->${channel.to}`
    let suffix = nextSuffix.get(base) ?? 1
    let id = suffix === 1 ? base : `${base}-${suffix}`
    while (used.has(id)) {
      suffix++
      id = `${base}-${suffix}`
    }
    nextSuffix.set(base, suffix + 1)
    used.add(id)
    return { id, ...channel }
  })
}

/**
 * Make a model from a draft: fill in `schema`, empty collections and channel ids, then
 * validate with {@link decodeModel}, so a scripted model passes exactly the checks a
 * JSON document does. Error paths point into the completed draft (`/channels/2/to` is
 * the third channel given). The draft is not changed. A decoded {@link Model} is a
 * draft too: `createModel({ ...model, channels: [...model.channels, extra] })` checks an
 * edited copy of an existing model.
 *
 * @example
 * {@includeCode ../../examples/build-model.ts#create}
 * @category Model
 */
export const createModel = (draft: ModelDraft): E.Either<ReadonlyArray<ModelError>, Model> =>
  decodeModel({
    ...draft,
    schema: draft.schema ?? schemaVersion,
    assets: draft.assets ?? [],
    channels: nameChannels(draft.channels ?? []),
    loops: draft.loops ?? [],
  })

/**
 * An immutable builder: each method returns a new builder and leaves this one as it
 * was, so a partly built model can be shared and extended in several ways.
 * @category Model
 */
export interface ModelBuilder {
  /** Add an actor. */
  readonly actor: (actor: ActorDraft) => ModelBuilder
  /** Add a knowledge asset. */
  readonly asset: (asset: AssetDraft) => ModelBuilder
  /** Add a channel; without an `id` one is made from its ends (`from->to`, `from->to-2`, ...). */
  readonly channel: (channel: ChannelDraft) => ModelBuilder
  /** Add a declared loop. */
  readonly loop: (loop: LoopDraft) => ModelBuilder
  /** Validate what has been added, as {@link createModel} does. */
  readonly build: () => E.Either<ReadonlyArray<ModelError>, Model>
}

type Entry =
  | { readonly collection: 'actors'; readonly item: ActorDraft }
  | { readonly collection: 'assets'; readonly item: AssetDraft }
  | { readonly collection: 'channels'; readonly item: ChannelDraft }
  | { readonly collection: 'loops'; readonly item: LoopDraft }

/** A persistent list, newest first: adding an item is O(1) and shares the rest. */
interface Node {
  readonly entry: Entry
  readonly previous: Node | undefined
}

const toDraft = (header: ModelHeader, last: Node | undefined): ModelDraft => {
  const entries: Entry[] = []
  for (let node = last; node !== undefined; node = node.previous) entries.push(node.entry)
  entries.reverse()
  const actors: ActorDraft[] = []
  const assets: AssetDraft[] = []
  const channels: ChannelDraft[] = []
  const loops: LoopDraft[] = []
  for (const entry of entries) {
    if (entry.collection === 'actors') actors.push(entry.item)
    else if (entry.collection === 'assets') assets.push(entry.item)
    else if (entry.collection === 'channels') channels.push(entry.item)
    else loops.push(entry.item)
  }
  return { ...header, actors, assets, channels, loops }
}

const builderFrom = (header: ModelHeader, last: Node | undefined): ModelBuilder => {
  const add = (entry: Entry): ModelBuilder => builderFrom(header, { entry, previous: last })
  return {
    actor: (item) => add({ collection: 'actors', item }),
    asset: (item) => add({ collection: 'assets', item }),
    channel: (item) => add({ collection: 'channels', item }),
    loop: (item) => add({ collection: 'loops', item }),
    build: () => createModel(toDraft(header, last)),
  }
}

/** The header of a model or draft, without its collections or anything else it carries. */
const headerOf = (from: ModelHeader): ModelHeader =>
  from.description === undefined ? { id: from.id, name: from.name } : { id: from.id, name: from.name, description: from.description }

/**
 * Start building a model in a script: add actors, assets, channels and loops in any
 * order, then `build()` to validate. Start from a header (`{ id, name }`) for a new
 * model, or from an existing model or draft to extend it: its actors, assets, channels
 * and loops come first, in their order, and what is added follows. Each step costs
 * O(1); starting from a model costs O(its size); `build` costs what {@link decodeModel}
 * does.
 *
 * @example
 * {@includeCode ../../examples/build-model.ts#builder}
 * @category Model
 */
export const modelBuilder = (from: ModelHeader | ModelDraft): ModelBuilder => {
  let last: Node | undefined
  const seed = (entry: Entry): void => {
    last = { entry, previous: last }
  }
  if ('actors' in from) {
    for (const item of from.actors) seed({ collection: 'actors', item })
    for (const item of from.assets ?? []) seed({ collection: 'assets', item })
    for (const item of from.channels ?? []) seed({ collection: 'channels', item })
    for (const item of from.loops ?? []) seed({ collection: 'loops', item })
  }
  return builderFrom(headerOf(from), last)
}
