import { normalQuantile } from '../stats/normal.js'
import type { ReportSettings } from './report.js'

const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`

/**
 * The Wilson score interval of a share of `part` out of `whole` (Wilson 1927): good at
 * small and extreme shares, where the normal approximation fails (0 of 40 still has an
 * upper bound). O(1).
 * @internal
 */
export const wilsonInterval = (part: number, whole: number, confidence: number): { readonly lower: number; readonly upper: number } => {
  if (whole === 0) return { lower: 0, upper: 1 }
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const share = part / whole
  const centre = (share + (z * z) / (2 * whole)) / (1 + (z * z) / whole)
  const half = ((z / (1 + (z * z) / whole)) * Math.sqrt((share * (1 - share)) / whole + (z * z) / (4 * whole * whole)))
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}

/**
 * `30% of the 40 items that reached X; 95% interval 18%–45%`, in words for a finding, or
 * the empty string when either count is small enough to be suppressed (a share of a
 * suppressed count would give it away).
 * @internal
 */
export const shareWords = (part: number, whole: number, of: string, settings: ReportSettings): string => {
  if (whole < settings.suppressBelow || (part > 0 && part < settings.suppressBelow)) return ''
  const { lower, upper } = wilsonInterval(part, whole, settings.confidence)
  return `${percent(part / whole)} of the ${whole} items ${of}; ${percent(settings.confidence)} interval ${percent(lower)}–${percent(upper)}`
}
