import { quoteId, toPointer } from '../model/errors.js'
import type { Intervention } from './interventions.js'
import type { SimulationParameters } from './parameters.js'
import type { Model } from '../model/codecs.js'

/**
 * Something in the options of a simulation that names nothing in the model, so it was
 * left out of the run. `path` is a JSON Pointer into the options object.
 * @category Simulation
 */
export interface SimulationIssue {
  readonly code: 'unknown-actor' | 'unknown-channel' | 'unknown-asset' | 'invalid-option'
  readonly path: string
  readonly message: string
}

/**
 * Check interventions and per-actor parameters against the model, listing every
 * reference that names nothing. An empty list means every option will be applied.
 * O(actors + channels + options).
 * @category Simulation
 */
export const checkSimulationOptions = (
  model: Model,
  options: { readonly parameters?: SimulationParameters; readonly interventions?: ReadonlyArray<Intervention> },
): ReadonlyArray<SimulationIssue> => {
  if ((options.parameters?.actors ?? []).length === 0 && (options.interventions ?? []).length === 0) return []
  const actors = new Set<string>(model.actors.map((actor) => actor.id))
  const assets = new Set<string>(model.assets.map((asset) => asset.id))
  const channels = new Set<string>(model.channels.map((channel) => channel.id))
  const issues: SimulationIssue[] = []
  const unknownActor = (id: string, path: ReadonlyArray<string | number>) => {
    if (!actors.has(id)) issues.push({ code: 'unknown-actor', path: toPointer(path), message: `No actor has the id ${quoteId(id)}.` })
  }
  ;(options.parameters?.actors ?? []).forEach((entry, index) => unknownActor(entry.actor, ['parameters', 'actors', index, 'actor']))
  let added = 0
  ;(options.interventions ?? []).forEach((intervention, index) => {
    const base = ['interventions', index]
    if (!Number.isFinite(intervention.day) || intervention.day < 0) {
      issues.push({ code: 'invalid-option', path: toPointer([...base, 'day']), message: 'An intervention day must be a number, 0 or more.' })
    }
    switch (intervention.kind) {
      case 'add-channel': {
        added++
        const channel = intervention.channel
        unknownActor(channel.from, [...base, 'channel', 'from'])
        unknownActor(channel.to, [...base, 'channel', 'to'])
        channel.carries.forEach((asset, position) => {
          if (!assets.has(asset)) {
            issues.push({ code: 'unknown-asset', path: toPointer([...base, 'channel', 'carries', position]), message: `No asset has the id ${quoteId(asset)}.` })
          }
        })
        channels.add(channel.id ?? `added-${added}`)
        break
      }
      case 'remove-actor':
        unknownActor(intervention.actor, [...base, 'actor'])
        break
      default:
        if (intervention.channel !== undefined && !channels.has(intervention.channel)) {
          issues.push({ code: 'unknown-channel', path: toPointer([...base, 'channel']), message: `No channel has the id ${quoteId(intervention.channel)}.` })
        }
    }
  })
  return issues
}
