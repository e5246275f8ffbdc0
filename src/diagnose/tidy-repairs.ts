import type { ProposedChannel } from '../graph/types.js'
import type { AssetId } from '../model/primitives.js'
import { withActivations, withSharedActivations } from './activate-repairs.js'
import type { RepairContext } from './context.js'
import { withDistinctCreations } from './distinct-creations.js'
import { withRelays } from './relay-repairs.js'
import type { Defect } from './types.js'

/**
 * How a diagnosis finishes its defects' repairs against the model, for settling: a
 * channel between actors who share no level goes through one who shares a level with
 * each (`withRelays`); a channel that lapsed between the same two actors is brought back
 * rather than run beside, and what should travel goes on a running channel between them
 * (`withActivations`, then `withSharedActivations` across defects); and every created
 * asset gets an id of its own (`withDistinctCreations`).
 *
 * Relays and channels brought back depend on one defect's list of repairs alone, so each
 * list is finished once, however many defects share it (the findings about one source
 * propose the same loop's repairs) and however many rounds of settling ask again: a
 * round finishes afresh only the defects it added repairs to.
 * @internal
 */
export const createTidy = (context: RepairContext): ((defects: ReadonlyArray<Defect>) => ReadonlyArray<Defect>) => {
  const inModel = (id: string): boolean => context.asset(id as AssetId) !== undefined
  // What each list of repairs became: `repair` absent when nothing was left of it.
  const finished = new WeakMap<ReadonlyArray<ProposedChannel>, { readonly repair?: ReadonlyArray<ProposedChannel> }>()
  const finish = (defect: Defect): Defect => {
    if (defect.repair === undefined) return defect
    const known = finished.get(defect.repair)
    if (known === undefined) {
      const done = withActivations(context, withRelays(context, [defect]))[0]!
      finished.set(defect.repair, done.repair === undefined ? {} : { repair: done.repair })
      return done
    }
    if (known.repair === defect.repair) return defect
    if (known.repair !== undefined) return { ...defect, repair: known.repair }
    const { repair: _dropped, ...rest } = defect
    return rest
  }
  return (defects) => withDistinctCreations(withSharedActivations(defects.map(finish)), inModel)
}
