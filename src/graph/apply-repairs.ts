import { inCanonicalOrder, mergeById, positionAfter, positionsOfIds } from '../model/canonical.js'
import type { Channel, KnowledgeAsset, Model } from '../model/codecs.js'
import type { AssetId, ChannelId } from '../model/primitives.js'
import type { ProposedChannel } from './types.js'

const proposalKey = (proposal: ProposedChannel): string =>
  JSON.stringify([proposal.from, proposal.to, proposal.level, proposal.carries, (proposal.creates ?? []).map((asset) => asset.id), proposal.activates ?? null, proposal.extends ?? null])

/** The channel a proposal names, to bring back or add to: the one of the model between the same actors, if any. */
const namedChannel = (proposal: ProposedChannel): ChannelId | undefined => proposal.activates ?? proposal.extends

/** A channel brought back or added to: active, listing what it listed and then what the repairs add. */
const broughtBack = (channel: Channel, added: ReadonlyArray<AssetId>): Channel => {
  const carries = [...channel.carries]
  for (const id of added) if (!carries.includes(id)) carries.push(id)
  return { ...channel, status: 'active', carries }
}

/** What applying repairs needs to know of a model, however it is found. */
interface ModelLookups {
  /** The model's channel ids a new channel could take (`repair-…`). */
  readonly repairIds: ReadonlySet<string>
  /** Where the channels that proposals name are (the last of repeated ids). */
  readonly namedAt: ReadonlyMap<string, number>
  /** The ids of assets proposals create that the model already has. */
  readonly assetIds: ReadonlySet<string>
  /** Whether the model records the polarity of any channel. */
  readonly polarised: boolean
}

/** The ids of the channels proposals name and of the assets they create. */
const idsNamed = (repairs: ReadonlyArray<ProposedChannel>) => {
  const channels = new Set<string>()
  const assets = new Set<string>()
  for (const proposal of repairs) {
    const id = namedChannel(proposal)
    if (id !== undefined) channels.add(id)
    for (const asset of proposal.creates ?? []) assets.add(asset.id)
  }
  return { channels, assets }
}

/**
 * What repairs add to a model: the assets they create, the new channels, and what they
 * add to each channel they bring back or add to (by its position).
 */
const additionsOf = (model: Model, repairs: ReadonlyArray<ProposedChannel>, lookups: ModelLookups) => {
  const assetIds = new Set<string>(lookups.assetIds)
  const seen = new Set<string>()
  const assets: KnowledgeAsset[] = []
  const channels: Channel[] = []
  const channelIds = new Set<string>()
  const activated = new Map<number, AssetId[]>()
  const newBetween = new Map<string, AssetId[]>()
  // Where the model records polarity, a new channel is reinforcing ('+': more said, more
  // heard), so that it does not read as a gap in the model's polarity.
  const polarity = lookups.polarised ? { polarity: '+' as const } : {}
  let next = 1
  // Findings about one source share their repairs' objects: a repeat is known without its key.
  const seenProposals = new Set<ProposedChannel>()
  for (const proposal of repairs) {
    if (seenProposals.has(proposal)) continue
    seenProposals.add(proposal)
    const key = proposalKey(proposal)
    if (seen.has(key)) continue
    seen.add(key)
    for (const asset of proposal.creates ?? []) {
      if (assetIds.has(asset.id)) continue
      assetIds.add(asset.id)
      assets.push({
        id: asset.id,
        name: asset.name as KnowledgeAsset['name'],
        kind: asset.kind,
        holder: asset.holder,
        acknowledged: true,
        derivedFrom: asset.derivedFrom,
      })
    }
    const named = namedChannel(proposal)
    const at = named === undefined ? undefined : lookups.namedAt.get(named)
    if (at !== undefined && model.channels[at]!.from === proposal.from && model.channels[at]!.to === proposal.to) {
      const list = activated.get(at)
      if (list === undefined) activated.set(at, [...proposal.carries])
      else list.push(...proposal.carries)
      continue
    }
    // Proposals between the same two actors at the same level share one new channel: the
    // health advisers' feedback and the lesson written from it go to the complaints team
    // on one channel, not on two beside each other.
    const pair = JSON.stringify([proposal.from, proposal.to, proposal.level])
    const shared = newBetween.get(pair)
    if (shared !== undefined) {
      for (const id of proposal.carries) if (!shared.includes(id)) shared.push(id)
      continue
    }
    while (channelIds.has(`repair-${next}`) || lookups.repairIds.has(`repair-${next}`)) next++
    const id = `repair-${next++}` as ChannelId
    channelIds.add(id)
    const carries = [...proposal.carries]
    newBetween.set(pair, carries)
    channels.push({ id, from: proposal.from, to: proposal.to, carries, level: proposal.level, status: 'active', ...polarity })
  }
  return { assets, channels, activated }
}

/** The model's channels with those repairs bring back or add to replaced where they stand. */
const withBroughtBack = (channels: ReadonlyArray<Channel>, activated: ReadonlyMap<number, ReadonlyArray<AssetId>>): Channel[] => {
  const kept = channels.slice()
  for (const [at, added] of activated) kept[at] = broughtBack(kept[at]!, added)
  return kept
}

/**
 * The model with proposed channels added, as active channels, with the assets they
 * create. A proposal that `activates` a channel the model has between the same actors
 * brings that channel back instead: it becomes active and lists the proposal's
 * `carries` after its own, in place; one that `extends` an active channel between them
 * lists its `carries` on that channel in the same way. The same proposal given twice (as when two
 * findings share a repair) is applied once; proposals of new channels between the same two
 * actors at the same level share one, listing what each carries; a created asset whose id the model already
 * has is not added again. New channel ids are `repair-1`, `repair-2`, … in proposal
 * order, skipping ids the model uses, so the same model and repairs always give the
 * same result; where the model records channel polarity, they are reinforcing (`+`).
 * The input is not changed. O(model + repairs).
 *
 * @example
 * {@includeCode ../../examples/repair-ward.ts#apply}
 * @category Repairs
 */
export const applyRepairs = (model: Model, repairs: ReadonlyArray<ProposedChannel>): Model => {
  // One pass over the model, collecting only what the repairs need, not an index of every
  // channel of a large model: ids a new channel could take, where the channels a repair
  // names are (the last of repeated ids, as a map of all would hold), and whether the
  // model records polarity.
  const named = idsNamed(repairs)
  const repairIds = new Set<string>()
  const namedAt = new Map<string, number>()
  let polarised = false
  model.channels.forEach((channel, c) => {
    if (channel.id.startsWith('repair-')) repairIds.add(channel.id)
    if (named.channels.size > 0 && named.channels.has(channel.id)) namedAt.set(channel.id, c)
    if (channel.polarity !== undefined) polarised = true
  })
  const assetIds = new Set<string>()
  if (named.assets.size > 0) for (const asset of model.assets) if (named.assets.has(asset.id)) assetIds.add(asset.id)
  const { assets, channels, activated } = additionsOf(model, repairs, { repairIds, namedAt, assetIds, polarised })
  if (channels.length === 0 && activated.size === 0) return model
  return { ...model, assets: model.assets.concat(assets), channels: withBroughtBack(model.channels, activated).concat(channels) }
}

/**
 * {@link applyRepairs} for a model in canonical order (every list in id order, as
 * `canonicalModel` gives), keeping it so: the new assets and channels are put in their
 * places, and the model is noted as canonical so that nothing sorts or checks it again.
 * Finds what it needs of the model by binary search rather than a pass over every
 * channel. `polarised`: whether the model records the polarity of any channel. The same
 * model, once put in id order, as {@link applyRepairs} gives. O(model + repairs × log model),
 * with no comparison of the channels that stay.
 * @internal
 */
export const applyRepairsInOrder = (model: Model, repairs: ReadonlyArray<ProposedChannel>, polarised: boolean): Model => {
  const named = idsNamed(repairs)
  // Ids that begin `repair-` and go on (as `repair-1`) lie together in id order, right after `repair-`.
  const repairIds = new Set<string>()
  for (let c = positionAfter(model.channels, 'repair-'); c < model.channels.length && model.channels[c]!.id.startsWith('repair-'); c++) repairIds.add(model.channels[c]!.id)
  const { assets, channels, activated } = additionsOf(model, repairs, {
    repairIds,
    namedAt: positionsOfIds(model.channels, named.channels),
    assetIds: new Set(positionsOfIds(model.assets, named.assets).keys()),
    polarised,
  })
  if (channels.length === 0 && activated.size === 0) return model
  return inCanonicalOrder({
    ...model,
    assets: mergeById(model.assets, assets),
    channels: mergeById(activated.size === 0 ? model.channels : withBroughtBack(model.channels, activated), channels),
  })
}
