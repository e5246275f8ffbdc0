import * as t from 'io-ts'
import { ExperimentSpec } from '../spec.js'

const [required, optional] = ExperimentSpec.types
const { vary: _vary, scenarios: _scenarios, commonRandomNumbers: _common, ...shared } = optional.props

/** The range of one parameter in a sensitivity analysis. @category Sensitivity */
export const ParameterBounds = t.type({ min: t.number, max: t.number }, 'ParameterBounds')
/** @category Sensitivity */
export type ParameterBounds = t.TypeOf<typeof ParameterBounds>

/** Which analysis to run: Morris elementary effects (screening) or Sobol indices (variance-based). @category Sensitivity */
export const SensitivityMethod = t.keyof({ morris: null, sobol: null }, 'SensitivityMethod')
/** @category Sensitivity */
export type SensitivityMethod = t.TypeOf<typeof SensitivityMethod>

/**
 * A sensitivity analysis: an experiment (model, fixed parameters, interventions,
 * replications, days, metrics, seed, as in {@link ExperimentSpec}, without its `vary`
 * and `scenarios`) plus the numeric parameters to vary and their ranges, and the method.
 * `samples` is the number of Morris trajectories (default 10) or the Sobol base sample
 * N (default 256; the analysis runs N (k + 2) points); `levels` is Morris's grid (an
 * even number, default 4). Every point runs on the same seeds (common random numbers).
 * @category Sensitivity
 */
export const SensitivitySpec = t.intersection(
  [
    required,
    t.partial(shared),
    t.type({ method: SensitivityMethod, ranges: t.record(t.string, ParameterBounds) }),
    t.partial({ samples: shared.replications, levels: shared.replications }),
  ],
  'SensitivitySpec',
)
/** @category Sensitivity */
export type SensitivitySpec = t.TypeOf<typeof SensitivitySpec>
