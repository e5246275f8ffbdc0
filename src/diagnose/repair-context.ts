import type { Actor, KnowledgeAsset, Model } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import type { CompiledGraph } from '../graph/compile.js'
import type { DiagnosisContext, RepairContext } from './context.js'

/**
 * Actors by id, as a diagnosis looks them up: through the compiled graph's index of
 * actors, with no map of its own, unless ids repeat (the graph keeps the first); then a
 * map where the last wins. @internal
 */
export const actorLookup = (model: Model, graph: CompiledGraph): ((id: ActorId) => Actor | undefined) => {
  const byId = graph.actorCount === model.actors.length ? undefined : new Map(model.actors.map((actor) => [actor.id, actor]))
  return (id) => {
    if (byId !== undefined) return byId.get(id)
    const v = graph.indexOf.get(id)
    return v === undefined ? undefined : graph.actors[v]
  }
}

/** Assets by id, through positions in the model's asset list (the cargo's). @internal */
export const assetLookup =
  (model: Model, positionOf: ReadonlyMap<AssetId, number>): ((id: AssetId) => KnowledgeAsset | undefined) =>
  (id) => {
    const k = positionOf.get(id)
    return k === undefined ? undefined : model.assets[k]
  }

/**
 * The little of a diagnosis's context that tidying its repairs needs, holding only that:
 * the model, its compiled graph, the lookups by id and the channels that are not active.
 * Built in a function of its own, so that its lookups close over nothing else of the
 * context: while the repaired model is diagnosed again, the first diagnosis's traces and
 * trace index (hundreds of megabytes on a large model) can be collected. Answers as the
 * context does, with the same lookups.
 * @internal
 */
export const repairContextOf = (context: DiagnosisContext): RepairContext => {
  const { model, naming, graph } = context
  const idle = context.idleFrom()
  return { model, naming, graph, actor: actorLookup(model, graph), asset: assetLookup(model, context.cargo().positionOf), idleFrom: () => idle }
}
