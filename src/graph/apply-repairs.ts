import type { Channel, KnowledgeAsset, Model } from '../model/codecs.js'
import type { ChannelId } from '../model/primitives.js'
import type { ProposedChannel } from './types.js'

const proposalKey = (proposal: ProposedChannel): string =>
  JSON.stringify([proposal.from, proposal.to, proposal.level, proposal.carries, (proposal.creates ?? []).map((asset) => asset.id)])

/**
 * The model with proposed channels added, as active channels, with the assets they
 * create. The same proposal given twice (as when two findings share a repair) is added
 * once; a created asset whose id the model already has is not added again. New channel
 * ids are `repair-1`, `repair-2`, … in proposal order, skipping ids the model uses, so
 * the same model and repairs always give the same result. The input is not changed.
 * O(model + repairs).
 *
 * @example
 * {@includeCode ../../examples/repair-ward.ts#apply}
 * @category Repairs
 */
export const applyRepairs = (model: Model, repairs: ReadonlyArray<ProposedChannel>): Model => {
  // Only ids a new channel or asset could take are collected, not every id of a large model.
  const channelIds = new Set<string>()
  for (const channel of model.channels) if (channel.id.startsWith('repair-')) channelIds.add(channel.id)
  const created = new Set<string>(repairs.flatMap((proposal) => (proposal.creates ?? []).map((asset) => asset.id)))
  const assetIds = new Set<string>()
  if (created.size > 0) for (const asset of model.assets) if (created.has(asset.id)) assetIds.add(asset.id)
  const seen = new Set<string>()
  const assets: KnowledgeAsset[] = []
  const channels: Channel[] = []
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
    while (channelIds.has(`repair-${next}`)) next++
    const id = `repair-${next++}` as ChannelId
    channelIds.add(id)
    channels.push({ id, from: proposal.from, to: proposal.to, carries: proposal.carries, level: proposal.level, status: 'active' })
  }
  if (channels.length === 0) return model
  return { ...model, assets: model.assets.concat(assets), channels: model.channels.concat(channels) }
}
