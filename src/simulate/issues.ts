import { quoteId, toPointer } from '../model/errors.js'
import { decodeSimulationOptions } from './decode-options.js'
import type { Intervention } from './interventions.js'
import type { SimulationParameters } from './parameters.js'
import type { Model } from '../model/codecs.js'
import { didYouMean } from './unknown-options.js'

/**
 * Something wrong in the options of a simulation: a reference that names nothing in the
 * model (so it has no effect), a field no option has (`unknown-option`, ignored), or an
 * `invalid-option` (left out of the run, or for `days`, `seed` and `warmUpDays` replaced
 * by the nearest valid value). `path` is a JSON Pointer into the options object; a
 * misspelt name comes with a "did you mean".
 * @category Simulation
 */
export interface SimulationIssue {
  readonly code: 'unknown-actor' | 'unknown-channel' | 'unknown-asset' | 'unknown-option' | 'invalid-option'
  readonly path: string
  readonly message: string
}

/**
 * Decode the options of a simulation and check them against the model: the options as
 * the run will use them (an intervention, parameter field or per-actor entry that does
 * not decode is left out) and every issue, those that do not decode first. @internal
 */
export const prepareSimulationOptions = (
  model: Model,
  options: { readonly parameters?: unknown; readonly interventions?: unknown },
): {
  readonly parameters: SimulationParameters
  readonly interventions: ReadonlyArray<Intervention>
  readonly issues: ReadonlyArray<SimulationIssue>
} => {
  const decoded = decodeSimulationOptions(options)
  const { parameters, actorIndices } = decoded.parameters
  const interventions = decoded.interventions.map((entry) => entry.intervention)
  if ((parameters.actors ?? []).length === 0 && (parameters.channels ?? []).length === 0 && decoded.interventions.length === 0) return { parameters, interventions, issues: decoded.issues }
  const actors = new Set<string>(model.actors.map((actor) => actor.id))
  const assets = new Set<string>(model.assets.map((asset) => asset.id))
  const channels = new Set<string>(model.channels.map((channel) => channel.id))
  const issues: SimulationIssue[] = [...decoded.issues]
  const unknownActor = (id: string, path: ReadonlyArray<string | number>) => {
    if (!actors.has(id)) issues.push({ code: 'unknown-actor', path: toPointer(path), message: `No actor has the id ${quoteId(id)}.${didYouMean(id, actors)}` })
  }
  ;(parameters.actors ?? []).forEach((entry, position) => unknownActor(entry.actor, ['parameters', 'actors', actorIndices[position]!, 'actor']))
  ;(parameters.channels ?? []).forEach((entry, position) => {
    if (!channels.has(entry.channel)) {
      issues.push({ code: 'unknown-channel', path: toPointer(['parameters', 'channels', position, 'channel']), message: `No channel has the id ${quoteId(entry.channel)}.${didYouMean(entry.channel, channels)}` })
    }
  })
  let added = 0
  decoded.interventions.forEach(({ index, intervention }) => {
    const base = ['interventions', index]
    switch (intervention.kind) {
      case 'add-channel': {
        added++
        const channel = intervention.channel
        unknownActor(channel.from, [...base, 'channel', 'from'])
        unknownActor(channel.to, [...base, 'channel', 'to'])
        channel.carries.forEach((asset, position) => {
          if (!assets.has(asset)) {
            issues.push({ code: 'unknown-asset', path: toPointer([...base, 'channel', 'carries', position]), message: `No asset has the id ${quoteId(asset)}.${didYouMean(asset, assets)}` })
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
          issues.push({ code: 'unknown-channel', path: toPointer([...base, 'channel']), message: `No channel has the id ${quoteId(intervention.channel)}.${didYouMean(intervention.channel, channels)}` })
        }
    }
  })
  return { parameters, interventions, issues }
}

/**
 * Check interventions and per-actor parameters: first that each has the right shape
 * (options from JavaScript or JSON are untyped; a fault is an `invalid-option` issue,
 * never a throw), then that each reference names something in the model. An empty list
 * means every option will be applied; `simulate` leaves out what does not decode.
 * O(actors + channels + options).
 * @category Simulation
 */
export const checkSimulationOptions = (
  model: Model,
  options: { readonly parameters?: SimulationParameters; readonly interventions?: ReadonlyArray<Intervention> },
): ReadonlyArray<SimulationIssue> => prepareSimulationOptions(model, options).issues
