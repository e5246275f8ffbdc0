import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { Model } from '../model/codecs.js'
import { quoteId } from '../model/errors.js'
import { isPlainObject } from '../model/unknown-fields.js'
import type { Intervention } from '../simulate/interventions.js'
import { prepareSimulationOptions } from '../simulate/issues.js'
import type { SimulationParameters } from '../simulate/parameters.js'
import { simulationMetricNames } from '../simulate/result.js'
import { didYouMeanOrList, unknownFields } from '../simulate/unknown-options.js'
import { type ExperimentError, specErrors } from './errors.js'
import { ExperimentSpec, Scenario } from './spec.js'

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

/**
 * Each field of a spec that decodes on its own, so that the checks after the shape
 * (varied names, the model, references) run on every part that decoded and a user sees
 * all errors in one pass. O(size of the spec).
 * @internal
 */
export const specParts = (spec: unknown): Partial<ExperimentSpec> => {
  if (!isPlainObject(spec)) return {}
  const parts: Record<string, unknown> = {}
  for (const member of ExperimentSpec.types) {
    for (const [key, codec] of Object.entries(member.props as t.Props)) {
      if (!Object.hasOwn(spec, key)) continue
      const decoded = codec.decode(spec[key])
      if (E.isRight(decoded)) parts[key] = decoded.right
    }
  }
  return parts as Partial<ExperimentSpec>
}

/**
 * The names of `scenarios` that have one, whether or not the rest of each scenario
 * decodes: a `vary` naming a scenario whose interventions are wrong names it still.
 * @internal
 */
export const scenarioNamesOf = (spec: unknown): ReadonlySet<string> => {
  const scenarios = isPlainObject(spec) ? spec['scenarios'] : undefined
  const names = new Set<string>()
  if (Array.isArray(scenarios)) for (const scenario of scenarios) if (isPlainObject(scenario) && typeof scenario['name'] === 'string') names.add(scenario['name'])
  return names
}

/**
 * The shape errors of a spec, with a misspelt metric named as such and followed by the
 * closest metric or, when none is close, every metric (where the codec alone says only
 * "must be a metric name"). O(errors + metrics listed).
 * @internal
 */
export const specShapeErrors = (errors: t.Errors, spec: unknown): ReadonlyArray<ExperimentError> => {
  const metrics = isPlainObject(spec) ? spec['metrics'] : undefined
  return specErrors(errors).map((error) => {
    const position = /^\/metrics\/(\d+)$/.exec(error.path)
    const name = position === null || !Array.isArray(metrics) ? undefined : metrics[Number(position[1])]
    return typeof name === 'string' ? { ...error, message: `No metric is called ${quoteId(name)}.${didYouMeanOrList(name, simulationMetricNames)}` } : error
  })
}

/**
 * The spec's scenarios, each decoded on its own, in place: one that does not decode
 * (its shape error is reported already) stands as a scenario with no interventions,
 * so the reference errors of the others keep their paths.
 * @internal
 */
export const decodedScenarios = (spec: unknown): ReadonlyArray<Scenario> => {
  const scenarios = isPlainObject(spec) ? spec['scenarios'] : undefined
  if (!Array.isArray(scenarios)) return []
  return scenarios.map((scenario: unknown) => {
    const decoded = Scenario.decode(scenario)
    return E.isRight(decoded) ? decoded.right : { name: '', interventions: [] }
  })
}
