import type { LatencyDistribution } from '../simulate/parameters.js'

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places

/**
 * The latency distribution whose spread matches observed delays (each with its channel,
 * read against that channel's mean): fixed when they hardly vary (coefficient of
 * variation under 0.15), exponential when they vary as much as an exponential's (over
 * 0.75), else uniform with the jitter that gives their variation. O(delays).
 * @internal
 */
export const latencyShape = (ratios: ReadonlyArray<readonly [number, number]>, mean: (channel: number) => number): { latency: LatencyDistribution; jitter?: number } => {
  let sum = 0
  let count = 0
  for (const [channel, delay] of ratios) {
    const m = mean(channel)
    if (m > 0) {
      sum += (delay / m - 1) ** 2
      count++
    }
  }
  const variation = count === 0 ? 0 : Math.sqrt(sum / count)
  if (variation < 0.15) return { latency: 'fixed' }
  if (variation > 0.75) return { latency: 'exponential' }
  // Uniform within ± jitter of the mean has a coefficient of variation of jitter / √3.
  return { latency: 'uniform', jitter: round(Math.min(1, variation * Math.sqrt(3)), 3) }
}

