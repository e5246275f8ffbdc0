import type { Actor } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import type { DiagnosisContext, RepairContext } from './context.js'

/**
 * The little of a diagnosis's context that tidying its repairs needs, holding only that:
 * the model, its compiled graph, the lookups by id and the channels that are not active.
 * Built in a function of its own, so that its lookups close over nothing else of the
 * context: while the repaired model is diagnosed again, the first diagnosis's traces and
 * trace index (hundreds of megabytes on a large model) can be collected. Answers as the
 * context does: `actor` the first actor with an id unless ids repeat (then the last, as the
 * context's own map holds), `asset` by the context's cargo positions.
 * @internal
 */
export const repairContextOf = (context: DiagnosisContext): RepairContext => {
  const { model, naming, graph } = context
  const idle = context.idleFrom()
  const positionOf = context.cargo().positionOf
  const byId = graph.actorCount === model.actors.length ? undefined : new Map(model.actors.map((actor) => [actor.id, actor]))
  const actor = (id: ActorId): Actor | undefined => {
    if (byId !== undefined) return byId.get(id)
    const v = graph.indexOf.get(id)
    return v === undefined ? undefined : graph.actors[v]
  }
  const asset = (id: AssetId) => {
    const k = positionOf.get(id)
    return k === undefined ? undefined : model.assets[k]
  }
  return { model, naming, graph, actor, asset, idleFrom: () => idle }
}
