import type { Model } from '../model/codecs.js'
import { quoteId } from '../model/errors.js'

/**
 * How messages name actors, assets and declared loops. By default by id only, quoted (`'ward-manager'`),
 * because names may identify people; a caller opts in to names with `names: true`.
 * @category Diagnosis
 */
export interface NamingPolicy {
  /** Whether messages use names (`true`) or ids (`false`, the default). */
  readonly useNames: boolean
  /** How a message names an actor. */
  readonly actor: (id: string) => string
  /** How a message names a knowledge asset. */
  readonly asset: (id: string) => string
  /** How a message names a declared loop. */
  readonly loop: (id: string) => string
}

/** Ids that `quoteId` leaves as they are: short, and no character it would escape. */
const plainId = /^[\w.:@/+-]{0,64}$/

/**
 * `quoteId(id)`, without its escaping pass for the usual short plain ids. O(length).
 * @category Diagnosis
 */
export const quoteIdQuickly = (id: string): string => (plainId.test(id) ? `'${id}'` : quoteId(id))

/**
 * Build the naming policy for one diagnosis. Unknown ids fall back to the quoted id.
 * O(actors + assets + declared loops) when names are used, O(1) otherwise.
 * @category Diagnosis
 */
export const createNamingPolicy = (model: Model, useNames: boolean): NamingPolicy => {
  // Quoted afresh each time: a test and a concatenation cost less than a lookup in a map of every id quoted.
  const quote = quoteIdQuickly
  if (!useNames) return { useNames, actor: quote, asset: quote, loop: quote }
  const actorNames = new Map<string, string>(model.actors.map((actor) => [actor.id, actor.name]))
  const assetNames = new Map<string, string>(model.assets.map((asset) => [asset.id, asset.name]))
  const loopNames = new Map<string, string>(model.loops.map((declared) => [declared.id, declared.name]))
  // Names in typographic quotes, as ids are in plain ones, so a sentence shows where a
  // name begins and ends ("“Families at home” led to …"), apostrophes in names and all.
  const named = (name: string | undefined, id: string): string => (name === undefined ? quote(id) : `“${name}”`)
  return {
    useNames,
    actor: (id) => named(actorNames.get(id), id),
    asset: (id) => named(assetNames.get(id), id),
    loop: (id) => named(loopNames.get(id), id),
  }
}

/** "a, b and c", for lists in messages; long lists end with "and N others". @category Diagnosis */
export const listInWords = (items: ReadonlyArray<string>, most = 4): string => {
  if (items.length === 0) return 'nobody'
  const shown = items.length > most ? [...items.slice(0, most - 1), `${items.length - most + 1} others`] : items
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`
}

/**
 * How a repair names the channel that lapsed between its two actors: "as the inactive 'x'
 * did" when that channel carried what the repair carries, else "where the inactive 'x'
 * ran" (it ran between them, for something else); a channel only planned "was to". @internal
 */
export const lapsedWords = (channel: { readonly id: string; readonly carries: ReadonlyArray<string>; readonly status?: string }, carried: string): string => {
  const id = quoteIdQuickly(channel.id)
  if (channel.status === 'planned') return channel.carries.includes(carried) ? ` (as the planned ${id} was to)` : ` (where the planned ${id} was to run)`
  return channel.carries.includes(carried) ? ` (as the inactive ${id} did)` : ` (where the inactive ${id} ran)`
}
