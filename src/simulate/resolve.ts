import type { ActorId } from '../model/primitives.js'
import type { AssetKind } from '../model/vocabulary.js'
import { kindBit } from './network.js'
import type { SimulationNetwork } from './network.js'
import { type SimulationParameters, defaultSimulationParameters } from './parameters.js'

/** Parameters resolved to one value per actor, and per asset for making derived assets. @internal */
export interface ActorBehaviour {
  readonly raiseRate: Float64Array
  readonly passOn: Float64Array
  readonly capacityPerDay: Float64Array
  /** Per actor: 1 when it holds a `plan` or `strategy`. */
  readonly governing: Uint8Array
  /** Per asset: the chance its holder makes it from an item it derives from. */
  readonly derivation: Float64Array
  /** Per asset: the mean days its holder takes to make it. */
  readonly derivationDelay: Float64Array
}

type Role = 'respond' | 'makeSense' | 'decide' | 'act' | 'recordLesson' | 'summarise'

const roleOfKind: Readonly<Record<AssetKind, Role>> = {
  experience: 'summarise',
  evidence: 'summarise',
  data: 'summarise',
  insight: 'makeSense',
  decision: 'decide',
  plan: 'decide',
  strategy: 'decide',
  change: 'act',
  experiment: 'act',
  response: 'respond',
  lesson: 'recordLesson',
}

/**
 * Resolve parameters for every actor and asset: per-actor overrides win over per-kind
 * values, which win over the global value and then the defaults; a raising rate is
 * then multiplied by the people the actor `represents`. O(V + assets + overrides).
 * @internal
 */
export const resolveBehaviour = (network: SimulationNetwork, parameters: SimulationParameters): ActorBehaviour => {
  const { graph, holds } = network
  const n = graph.actorCount
  const assets = graph.model.assets
  const raiseRate = new Float64Array(n)
  const passOn = new Float64Array(n).fill(parameters.passOn ?? defaultSimulationParameters.passOn)
  const capacityPerDay = new Float64Array(n).fill(parameters.capacityPerDay ?? defaultSimulationParameters.capacityPerDay)
  const governing = new Uint8Array(n)
  const governingBits = kindBit('plan') | kindBit('strategy')
  const globalRate = parameters.raiseRate ?? defaultSimulationParameters.raiseRate
  const byKind = parameters.raiseRateByKind
  for (let v = 0; v < n; v++) {
    const actor = graph.actors[v]!
    const kindRate = byKind === undefined ? undefined : byKind[actor.kind]
    raiseRate[v] = kindRate ?? (actor.perspective === 'lay' ? globalRate : 0)
    governing[v] = (holds[v]! & governingBits) !== 0 ? 1 : 0
  }
  const overrides = new Map<number, NonNullable<SimulationParameters['actors']>[number]>()
  for (const entry of parameters.actors ?? []) {
    const v = graph.indexOf.get(entry.actor as ActorId)
    if (v === undefined) continue
    overrides.set(v, { ...overrides.get(v), ...entry })
    if (entry.raiseRate !== undefined) raiseRate[v] = entry.raiseRate
    if (entry.capacityPerDay !== undefined) capacityPerDay[v] = entry.capacityPerDay
    if (entry.passOn !== undefined) passOn[v] = entry.passOn
  }
  // Rates are per person: a group raises for everyone it represents.
  for (let v = 0; v < n; v++) raiseRate[v] = raiseRate[v]! * (graph.actors[v]!.represents ?? 1)

  const derivation = new Float64Array(assets.length)
  const derivationDelay = new Float64Array(assets.length)
  const globalDelay = parameters.derivationDelayDays ?? defaultSimulationParameters.derivationDelayDays
  for (let a = 0; a < assets.length; a++) {
    const kind = assets[a]!.kind
    const role = roleOfKind[kind]
    const holder = graph.indexOf.get(assets[a]!.holder)
    const own = holder === undefined ? undefined : overrides.get(holder)
    derivation[a] = own?.[role] ?? parameters.derivationByKind?.[kind] ?? parameters[role] ?? defaultSimulationParameters[role]
    derivationDelay[a] = own?.derivationDelayDays ?? parameters.derivationDelayDaysByKind?.[kind] ?? globalDelay
  }
  return { raiseRate, passOn, capacityPerDay, governing, derivation, derivationDelay }
}
