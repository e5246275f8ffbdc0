import type { ProposedAsset, ProposedChannel } from '../graph/types.js'
import type { Defect } from './types.js'

/**
 * What makes two created assets the same one: who holds it, its kind, what it is made
 * from and what it is called. A reply to the patients and a reply to their relatives
 * made from one themes report are two replies, each named for whom it answers.
 */
const signatureOf = (asset: ProposedAsset): string => JSON.stringify([asset.holder, asset.kind, asset.derivedFrom, asset.name])

/**
 * The defects with every asset their repairs create given an id of its own. Rules
 * propose repairs independently, each choosing an id the model does not use (`…-reply`),
 * so two of them can create different assets under one id: a reply from the forum and
 * another from the practice manager, both `fft-comments-reply`. Applying both would
 * create only the first, and the second channel would carry an asset its sender never
 * has. A later asset that differs from the first with its id (another holder, kind,
 * provenance or name) is renamed `…-2`, `…-3` (an id neither the model nor another repair uses),
 * in every channel of the same repair that carries it too (the one that creates it and
 * any that pass it on); the same asset proposed twice keeps its one id.
 * Deterministic: defects and their repairs are read in order. O(repairs).
 * @internal
 */
export const withDistinctCreations = (defects: ReadonlyArray<Defect>, inModel: (id: string) => boolean): ReadonlyArray<Defect> => {
  const created = new Map<string, string>()
  const taken = (id: string): boolean => created.has(id) || inModel(id)
  const distinct = (asset: ProposedAsset, renamed: Map<string, string>): ProposedAsset => {
    const signature = signatureOf(asset)
    const known = created.get(asset.id)
    if (known === signature) return asset
    if (known === undefined) {
      created.set(asset.id, signature)
      return asset
    }
    let id = `${asset.id}-2`
    for (let k = 3; taken(id) && created.get(id) !== signature; k++) id = `${asset.id}-${k}`
    created.set(id, signature)
    renamed.set(asset.id, id)
    return { ...asset, id: id as ProposedAsset['id'] }
  }
  // A renamed asset is renamed in every channel of the same repair: the one that creates
  // it and those that pass it on (a relay through an actor who shares a level with each).
  const renameIn = (repair: ReadonlyArray<ProposedChannel>): ReadonlyArray<ProposedChannel> => {
    const renamed = new Map<string, string>()
    const creates = repair.map((channel) => channel.creates?.map((asset) => distinct(asset, renamed)))
    if (renamed.size === 0) return repair
    return repair.map((channel, i) => ({
      ...channel,
      carries: channel.carries.map((id) => (renamed.get(id) ?? id) as (typeof channel.carries)[number]),
      ...(creates[i] === undefined ? {} : { creates: creates[i] }),
    }))
  }
  // A list of repairs several defects share (the findings about one source) comes out the
  // same each time it is read again: its assets were noted the first time, under the ids
  // it gave them, and nothing noted is ever changed. So each list is read once.
  const done = new Map<ReadonlyArray<ProposedChannel>, ReadonlyArray<ProposedChannel>>()
  let changed = false
  const result = defects.map((defect) => {
    if (defect.repair === undefined) return defect
    let repair = done.get(defect.repair)
    if (repair === undefined) done.set(defect.repair, (repair = renameIn(defect.repair)))
    if (repair === defect.repair) return defect
    changed = true
    return { ...defect, repair }
  })
  return changed ? result : defects
}
