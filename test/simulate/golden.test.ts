import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../bench/generate.js'
import type { Intervention } from '../../src/simulate/interventions.js'
import { simulate } from '../../src/simulate/simulate.js'

/** SHA-256 (first 16 hex digits) of a result's JSON: any change to any number shows. */
const fingerprint = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)

const model = generateOrganisation({ seed: 3, actors: 600, channels: 3000 })

const interventions: ReadonlyArray<Intervention> = [
  { day: 10, kind: 'remove-actor', actor: 'a0' },
  { day: 20, kind: 'remove-channel', channel: 'c5' },
  { day: 25, kind: 'set-reliability', reliability: 0.9 },
  { day: 40, kind: 'add-channel', channel: { from: 'a3', to: 'a7', level: 'delivery', carries: [] } },
  { day: 50, kind: 'remove-actor', actor: 'a12' },
  { day: 55, kind: 'set-latency', channel: 'c9', latencyDays: 0 },
]

// Locked before the engine's data structures were rewritten for speed (event calendar,
// live-experience records, typed route cache): faster code must give the same bytes.
// Renewed once when the semantics changed on purpose (issue 16): `carries: []` carries
// nothing, replies travel only on channels that carry a response, closure counts only
// outcome `did`, and results gained outcomes, Kaplan–Meier estimates and groups.
// Renewed again, deliberately, when items began to travel through derived assets as the
// diagnosis traces them (issue 16): an item is a source asset that moves only on channels
// that carry it or what is made from it, replies are assets made from it, and its outcome
// is its chain's, as `TracedLoop.outcome`.
describe('simulate golden fingerprints on a generated 600-actor organisation', () => {
  it('is unchanged with busy parameters', () => {
    const result = simulate(model, { seed: 1, days: 90, parameters: { raiseRate: 0.5, passOn: 0.6, maxHops: 6 } })
    expect(result.metrics.events).toBeGreaterThan(50_000)
    expect(fingerprint(result)).toBe('6137d1c4720b5dc5')
  })

  it('is unchanged with capacity limits and exponential latency', () => {
    const result = simulate(model, { seed: 1, days: 90, parameters: { raiseRate: 0.5, passOn: 0.8, capacityPerDay: 3, latency: 'exponential' } })
    expect(fingerprint(result)).toBe('2388b82fd798ddd9')
  })

  it('is unchanged with interventions that add, remove and change channels and actors', () => {
    const result = simulate(model, { seed: 1, days: 90, parameters: { raiseRate: 0.5 }, interventions })
    expect(fingerprint(result)).toBe('6981ae395c957931')
  })

  it('is unchanged when maxEvents cuts the run short', () => {
    const result = simulate(model, { seed: 1, days: 90, maxEvents: 12_345, parameters: { raiseRate: 0.5 } })
    expect(result.truncated).toBe(true)
    // Renewed when a run began to stop as soon as what is due cannot fit in maxEvents (memory bound).
    expect(fingerprint(result)).toBe('168dd06d2378151f')
  })
})
