import { deriveRunSeed } from '../simulate/seed.js'

/**
 * The seed of one run of an experiment. With common random numbers (the default),
 * replicate k of every parameter combination and scenario gets the same seed, so two
 * scenarios differ only by what they change, not by chance (a paired comparison);
 * without, the seed also hashes the run's varied values, so every combination gets its
 * own independent stream. Either way a seed never depends on the run's position.
 * @internal
 */
export const seedOfRun = (
  experimentSeed: number,
  varied: Readonly<Record<string, unknown>>,
  replicate: number,
  commonRandomNumbers: boolean,
): number => deriveRunSeed(experimentSeed, commonRandomNumbers ? {} : varied, replicate)
