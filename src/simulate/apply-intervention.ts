import type { ActorId } from '../model/primitives.js'
import type { Intervention } from './interventions.js'
import type { SimulationNetwork } from './network.js'

/**
 * Apply one intervention to the network's mutable state (open and closed channels,
 * removed actors, reliability and latency). `index` is its position in the list, which
 * identifies the channel an `add-channel` opens. O(edges touched).
 * @internal
 */
export const applyIntervention = (network: SimulationNetwork, intervention: Intervention, index: number): void => {
  const { graph, enabled, removed, reliability, latency } = network
  const channelEdges = (id: string | undefined): ReadonlyArray<number> =>
    id === undefined ? Array.from({ length: graph.edgeCount }, (_, e) => e) : (network.edgesOfChannel.get(id) ?? [])
  switch (intervention.kind) {
    case 'add-channel': {
      const e = network.addedEdge[index]!
      // A channel to or from a removed actor stays closed: an open edge always joins two present actors.
      if (e >= 0 && removed[network.edgeSource[e]!] === 0 && removed[graph.targets[e]!] === 0) enabled[e] = 1
      break
    }
    case 'remove-actor': {
      const v = graph.indexOf.get(intervention.actor as ActorId)
      if (v === undefined) break
      removed[v] = 1
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) enabled[e] = 0
      for (let r = graph.reverseOffsets[v]!; r < graph.reverseOffsets[v + 1]!; r++) enabled[graph.reverseEdge[r]!] = 0
      break
    }
    case 'remove-channel':
      for (const e of channelEdges(intervention.channel)) enabled[e] = 0
      break
    case 'set-reliability':
      for (const e of channelEdges(intervention.channel)) reliability[e] = intervention.reliability
      break
    case 'set-latency':
      for (const e of channelEdges(intervention.channel)) latency[e] = intervention.latencyDays
      break
  }
}
