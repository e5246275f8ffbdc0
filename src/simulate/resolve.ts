import type { ActorId } from '../model/primitives.js'
import type { AssetKind } from '../model/vocabulary.js'
import { type SimulationNetwork, kindBit } from './network.js'
import { type SimulationParameters, defaultSimulationParameters } from './parameters.js'

/** Parameters resolved to one value per actor. @internal */
export interface ActorBehaviour {
  readonly raiseRate: Float64Array
  readonly respond: Float64Array
  readonly makeSense: Float64Array
  readonly decide: Float64Array
  readonly act: Float64Array
  readonly recordLesson: Float64Array
  readonly passOn: Float64Array
  readonly capacityPerDay: Float64Array
  /** Per actor: 1 when it holds a `plan` or `strategy`. */
  readonly governing: Uint8Array
}

type Role = 'respond' | 'makeSense' | 'decide' | 'act' | 'recordLesson'

const roleKinds: ReadonlyArray<readonly [Role, ReadonlyArray<AssetKind>]> = [
  ['respond', ['response']],
  ['makeSense', ['insight']],
  ['decide', ['decision', 'plan', 'strategy']],
  ['act', ['change']],
  ['recordLesson', ['lesson']],
]

/**
 * Resolve parameters for every actor: per-actor overrides win over per-kind rates,
 * which win over the global value and then the defaults; a raising rate is then
 * multiplied by the people the actor `represents`. O(V + overrides).
 * @internal
 */
export const resolveBehaviour = (network: SimulationNetwork, parameters: SimulationParameters): ActorBehaviour => {
  const { graph, holds } = network
  const n = graph.actorCount
  const make = () => new Float64Array(n)
  const behaviour = {
    raiseRate: make(),
    respond: make(),
    makeSense: make(),
    decide: make(),
    act: make(),
    recordLesson: make(),
    passOn: make(),
    capacityPerDay: make(),
    governing: new Uint8Array(n),
  }
  const governingBits = kindBit('plan') | kindBit('strategy')
  // One pass per role over a plain array, rather than a property looked up by name per actor.
  for (const [role, kinds] of roleKinds) {
    const bits = kinds.reduce((mask, kind) => mask | kindBit(kind), 0)
    const value = parameters[role] ?? defaultSimulationParameters[role]
    const values = behaviour[role]
    for (let v = 0; v < n; v++) values[v] = (holds[v]! & bits) !== 0 ? value : 0
  }
  const raiseRate = parameters.raiseRate ?? defaultSimulationParameters.raiseRate
  const byKind = parameters.raiseRateByKind
  behaviour.passOn.fill(parameters.passOn ?? defaultSimulationParameters.passOn)
  behaviour.capacityPerDay.fill(parameters.capacityPerDay ?? defaultSimulationParameters.capacityPerDay)
  for (let v = 0; v < n; v++) {
    const actor = graph.actors[v]!
    const kindRate = byKind === undefined ? undefined : byKind[actor.kind]
    behaviour.raiseRate[v] = kindRate ?? (actor.perspective === 'lay' ? raiseRate : 0)
    behaviour.governing[v] = (holds[v]! & governingBits) !== 0 ? 1 : 0
  }
  for (const entry of parameters.actors ?? []) {
    const v = graph.indexOf.get(entry.actor as ActorId)
    if (v === undefined) continue
    if (entry.raiseRate !== undefined) behaviour.raiseRate[v] = entry.raiseRate
    if (entry.capacityPerDay !== undefined) behaviour.capacityPerDay[v] = entry.capacityPerDay
    if (entry.passOn !== undefined) behaviour.passOn[v] = entry.passOn
    for (const [role] of roleKinds) {
      const value = entry[role]
      if (value !== undefined) behaviour[role][v] = value
    }
  }
  // Rates are per person: a group raises for everyone it represents.
  for (let v = 0; v < n; v++) behaviour.raiseRate[v] = behaviour.raiseRate[v]! * (graph.actors[v]!.represents ?? 1)
  return behaviour
}
