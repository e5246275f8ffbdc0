import type { Channel, KnowledgeAsset, Model } from '../model/codecs.js'
import type { AssetId, ChannelId } from '../model/primitives.js'
import type { ProposedChannel } from './types.js'

const proposalKey = (proposal: ProposedChannel): string =>
  JSON.stringify([proposal.from, proposal.to, proposal.level, proposal.carries, (proposal.creates ?? []).map((asset) => asset.id), proposal.activates ?? null, proposal.extends ?? null])

/** The channel a proposal names, to bring back or add to: the one of the model between the same actors, if any. */
const namedChannel = (proposal: ProposedChannel): ChannelId | undefined => proposal.activates ?? proposal.extends

/** The channel a proposal brings back or adds to, when it names one the model has between the same actors. */
const activatedChannel = (byId: ReadonlyMap<string, Channel>, proposal: ProposedChannel): Channel | undefined => {
  const id = namedChannel(proposal)
  if (id === undefined) return undefined
  const channel = byId.get(id)
  return channel !== undefined && channel.from === proposal.from && channel.to === proposal.to ? channel : undefined
}

/** A channel brought back or added to: active, listing what it listed and then what the repairs add. */
const broughtBack = (channel: Channel, added: ReadonlyArray<AssetId>): Channel => {
  const carries = [...channel.carries]
  for (const id of added) if (!carries.includes(id)) carries.push(id)
  return { ...channel, status: 'active', carries }
}

/**
 * The model with proposed channels added, as active channels, with the assets they
 * create. A proposal that `activates` a channel the model has between the same actors
 * brings that channel back instead: it becomes active and lists the proposal's
 * `carries` after its own, in place; one that `extends` an active channel between them
 * lists its `carries` on that channel in the same way. The same proposal given twice (as when two
 * findings share a repair) is applied once; a created asset whose id the model already
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
  const created = new Set<string>(repairs.flatMap((proposal) => (proposal.creates ?? []).map((asset) => asset.id)))
  const assetIds = new Set<string>()
  if (created.size > 0) for (const asset of model.assets) if (created.has(asset.id)) assetIds.add(asset.id)
  const seen = new Set<string>()
  const assets: KnowledgeAsset[] = []
  const channels: Channel[] = []
  // One pass over the channels, collecting only what the repairs need, not an index of
  // every channel of a large model: ids a new channel could take, the channels a repair
  // brings back (by id, the last of repeated ids, as a map of all would hold) and where
  // they are, and whether the model records polarity.
  const channelIds = new Set<string>()
  const byId = new Map<string, Channel>()
  const named = new Set<string>()
  for (const proposal of repairs) {
    const id = namedChannel(proposal)
    if (id !== undefined) named.add(id)
  }
  const namedAt: number[] = []
  let polarised = false
  model.channels.forEach((channel, c) => {
    if (channel.id.startsWith('repair-')) channelIds.add(channel.id)
    if (named.size > 0 && named.has(channel.id)) (byId.set(channel.id, channel), namedAt.push(c))
    if (channel.polarity !== undefined) polarised = true
  })
  const activated = new Map<string, AssetId[]>()
  // Where the model records polarity, a new channel is reinforcing ('+': more said, more
  // heard), so that it does not read as a gap in the model's polarity.
  const polarity = polarised ? { polarity: '+' as const } : {}
  let next = 1
  for (const proposal of repairs) {
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
    const lapsed = activatedChannel(byId, proposal)
    if (lapsed !== undefined) {
      const list = activated.get(lapsed.id)
      if (list === undefined) activated.set(lapsed.id, [...proposal.carries])
      else list.push(...proposal.carries)
      continue
    }
    while (channelIds.has(`repair-${next}`)) next++
    const id = `repair-${next++}` as ChannelId
    channelIds.add(id)
    channels.push({ id, from: proposal.from, to: proposal.to, carries: proposal.carries, level: proposal.level, status: 'active', ...polarity })
  }
  if (channels.length === 0 && activated.size === 0) return model
  // Channels brought back are replaced where they stand: only the named ones are looked at again.
  const kept = model.channels.concat(channels)
  for (const c of namedAt) {
    const added = activated.get(kept[c]!.id)
    if (added !== undefined) kept[c] = broughtBack(kept[c]!, added)
  }
  return { ...model, assets: model.assets.concat(assets), channels: kept }
}
