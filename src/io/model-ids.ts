import type { Model } from '../model/codecs.js'
import { carriableIds } from './text.js'

/**
 * The ids of a model as the writers write them, one function per id space: ids that
 * XML and UTF-8 can carry are unchanged; any other is escaped without merging two ids
 * into one (see {@link carriableIds}). @internal
 */
export interface ModelIds {
  readonly actor: (id: string) => string
  readonly asset: (id: string) => string
  readonly channel: (id: string) => string
  readonly loop: (id: string) => string
}

/** Build the {@link ModelIds} of a model. O(total length of its ids). @internal */
export const modelIds = (model: Model): ModelIds => ({
  actor: carriableIds(model.actors.map((actor) => actor.id)),
  asset: carriableIds(model.assets.map((asset) => asset.id)),
  channel: carriableIds(model.channels.map((channel) => channel.id)),
  loop: carriableIds(model.loops.map((loop) => loop.id)),
})
