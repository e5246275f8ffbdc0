import type { Model } from '../model/codecs.js'
import type { Intervention } from '../simulate/interventions.js'
import { prepareSimulationOptions } from '../simulate/issues.js'
import type { SimulationParameters } from '../simulate/parameters.js'
import { unknownFields } from '../simulate/unknown-options.js'
import type * as t from 'io-ts'
import type { ExperimentError } from './errors.js'

/**
 * Every field of a spec that its codec does not define (a typo such as `replication`
 * or `raiseRte`), as `invalid-spec` errors with the field's path and a "did you mean".
 * O(size of the spec, without its model).
 * @internal
 */
export const unknownSpecFields = (codec: t.Decoder<unknown, unknown>, spec: unknown): ReadonlyArray<ExperimentError> =>
  unknownFields(codec, spec, []).map(({ path, message }) => ({ code: 'invalid-spec', path, message }))

const isReference = (code: string): boolean => code === 'unknown-actor' || code === 'unknown-channel' || code === 'unknown-asset'

/**
 * Every actor, channel and asset that the spec's parameters, interventions and
 * scenarios name but the model does not have, as `invalid-spec` errors with paths into
 * the spec and a "did you mean": a misspelt actor in a scenario is an error, never a
 * run that quietly behaves as "as is". A scenario's interventions may name channels
 * that the spec's own interventions add, as they run together. O(model + spec).
 * @internal
 */
export const specReferenceErrors = (
  model: Model,
  spec: {
    readonly parameters?: SimulationParameters
    readonly interventions?: ReadonlyArray<Intervention>
    readonly scenarios?: ReadonlyArray<{ readonly interventions: ReadonlyArray<Intervention> }>
  },
): ReadonlyArray<ExperimentError> => {
  const base = spec.interventions ?? []
  const errors: ExperimentError[] = prepareSimulationOptions(model, { parameters: spec.parameters ?? {}, interventions: base })
    .issues.filter((issue) => isReference(issue.code))
    .map(({ path, message }) => ({ code: 'invalid-spec', path, message }))
  ;(spec.scenarios ?? []).forEach((scenario, index) => {
    for (const issue of prepareSimulationOptions(model, { interventions: [...base, ...scenario.interventions] }).issues) {
      const position = /^\/interventions\/(\d+)(.*)$/.exec(issue.path)
      if (!isReference(issue.code) || position === null || Number(position[1]) < base.length) continue
      errors.push({ code: 'invalid-spec', path: `/scenarios/${index}/interventions/${Number(position[1]) - base.length}${position[2]}`, message: issue.message })
    }
  })
  return errors
}
