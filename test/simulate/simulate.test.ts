import { describe, expect, it } from 'vitest'
import { checkSimulationOptions } from '../../src/simulate/issues.js'
import { maxSimulationDays, simulate } from '../../src/simulate/simulate.js'
import { modelOf, patientAndManager, wardModel } from './fixtures.js'
import type { Intervention } from '../../src/simulate/interventions.js'

const story = { id: 'tell', from: 'patient', to: 'manager', carries: ['story'], latencyDays: 2 }
const reply = { id: 'answer', from: 'manager', to: 'patient', carries: ['reply'], latencyDays: 3 }

describe('simulate', () => {
  it('gives byte-identical results for the same seed and different ones for another', () => {
    const model = wardModel()
    const first = JSON.stringify(simulate(model, { seed: 11, days: 200 }))
    const again = JSON.stringify(simulate(model, { seed: 11, days: 200 }))
    const other = JSON.stringify(simulate(model, { seed: 12, days: 200 }))
    expect(again).toBe(first)
    expect(other).not.toBe(first)
  })

  it('matches the locked golden metrics for seed 7 on the ward model', () => {
    const result = simulate(wardModel(), { seed: 7, days: 365 })
    expect(result.metrics).toMatchInlineSnapshot(`
      {
        "changesPer100Experiences": 2.5641025641025643,
        "closureBy30Days": 0,
        "closureBy30DaysLower": 0,
        "closureBy30DaysUpper": 0,
        "closureBy365Days": null,
        "closureBy365DaysLower": null,
        "closureBy365DaysUpper": null,
        "closureBy90Days": 0,
        "closureBy90DaysLower": 0,
        "closureBy90DaysUpper": 0,
        "closureMedianDays": null,
        "closureMedianDaysLower": null,
        "closureMedianDaysUpper": null,
        "closureRate": 0,
        "closureTimeMedianDays": null,
        "closureTimeP90Days": null,
        "decidedOnlyRate": 0,
        "events": 256,
        "experiencesRaised": 78,
        "governingReachShare": 0,
        "heardBackRate": 0,
        "heardOnlyRate": 0,
        "insightsMade": 55,
        "lessonsRecorded": 0,
        "messagesLost": 20,
        "messagesSent": 206,
        "repliesUnroutable": 15,
        "responseRate": 0,
      }
    `)
  })

  it('closes loops only when a reply can come back', () => {
    const open = simulate(patientAndManager([story]), { seed: 1, days: 100, parameters: { raiseRate: 1 } })
    expect(open.metrics.experiencesRaised).toBeGreaterThan(50)
    expect(open.metrics.heardBackRate).toBe(0)
    expect(open.metrics.repliesUnroutable).toBeGreaterThan(0)
    const closedLoop = simulate(patientAndManager([story, reply]), { seed: 1, days: 100, parameters: { raiseRate: 1, decide: 1, act: 1 } })
    // Every channel is reliable and the manager answers 80% (and acts on all); latency is fixed at 5 days round trip.
    expect(closedLoop.metrics.closureRate).toBeGreaterThan(0.6)
    expect(closedLoop.metrics.closureTimeMedianDays).toBe(5)
    expect(closedLoop.metrics.closureTimeP90Days).toBe(5)
  })

  it('raises closure from 0 when an intervention adds the return channel', () => {
    const model = patientAndManager([story])
    const interventions: ReadonlyArray<Intervention> = [
      { day: 0, kind: 'add-channel', channel: { from: 'manager', to: 'patient', level: 'delivery', carries: ['reply'], reason: 'close it' } } ,
    ]
    const before = simulate(model, { seed: 3, days: 100, parameters: { raiseRate: 1 } })
    const after = simulate(model, { seed: 3, days: 100, parameters: { raiseRate: 1 }, interventions })
    expect(before.metrics.heardBackRate).toBe(0)
    expect(after.metrics.heardBackRate).toBeGreaterThan(0.6)
    expect(after.issues).toEqual([])
  })

  it('applies interventions from their day', () => {
    const model = patientAndManager([story, reply])
    const run = (interventions: ReadonlyArray<Intervention>) =>
      simulate(model, { seed: 5, days: 200, parameters: { raiseRate: 1, respond: 1, decide: 1, act: 1 }, interventions }).metrics
    const base = run([])
    expect(base.closureRate).toBeGreaterThan(0.9)
    expect(run([{ day: 0, kind: 'remove-channel', channel: 'answer' } ]).closureRate).toBe(0)
    expect(run([{ day: 0, kind: 'remove-actor', actor: 'manager' } ]).closureRate).toBe(0)
    expect(run([{ day: 0, kind: 'set-reliability', channel: 'answer', reliability: 0 } ]).closureRate).toBe(0)
    const halfway = run([{ day: 100, kind: 'remove-channel', channel: 'answer' } ]).closureRate!
    expect(halfway).toBeGreaterThan(0.3)
    expect(halfway).toBeLessThan(0.7)
    const slower = run([{ day: 0, kind: 'set-latency', latencyDays: 10 } ])
    expect(slower.closureTimeMedianDays).toBe(20)
  })

  it('keeps a channel added to or from a removed actor closed', () => {
    const model = patientAndManager([story, reply])
    const parameters = { raiseRate: 1 }
    const removeManager: Intervention = { day: 0, kind: 'remove-actor', actor: 'manager' }
    const addTell: Intervention = { day: 5, kind: 'add-channel', channel: { from: 'patient', to: 'manager', level: 'delivery', carries: ['story'] } }
    const withAdd = simulate(model, { seed: 2, days: 60, parameters, interventions: [removeManager, addTell] })
    const withoutAdd = simulate(model, { seed: 2, days: 60, parameters, interventions: [removeManager] })
    expect(withoutAdd.metrics.messagesSent).toBe(0)
    // Only the intervention itself (one event) differs: no story goes to the removed manager.
    expect({ ...withAdd.metrics, events: withAdd.metrics.events - 1 }).toEqual(withoutAdd.metrics)
    // Added while the manager is present, the same channel carries stories.
    const present = simulate(model, { seed: 2, days: 60, parameters, interventions: [addTell] })
    const base = simulate(model, { seed: 2, days: 60, parameters })
    expect(present.metrics.messagesSent).toBeGreaterThan(base.metrics.messagesSent)
  })

  it('reports options that name nothing in the model', () => {
    const result = simulate(patientAndManager([story]), {
      seed: 1,
      days: 10,
      parameters: { actors: [{ actor: 'nobody', respond: 1 }] },
      interventions: [{ day: 1, kind: 'remove-channel', channel: 'missing' } ],
    })
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-actor', '/parameters/actors/0/actor'],
      ['unknown-channel', '/interventions/0/channel'],
    ])
  })

  it('stops a hostile model at maxEvents and says so', () => {
    const loop = patientAndManager([
      { ...story, latencyDays: 0 },
      { id: 'back', from: 'manager', to: 'patient', carries: [], latencyDays: 0 },
    ])
    const result = simulate(loop, { seed: 1, days: 10_000, maxEvents: 500, parameters: { raiseRate: 50 } })
    expect(result.truncated).toBe(true)
    // It stops as soon as what is already due cannot fit in the bound, never past it.
    expect(result.metrics.events).toBeGreaterThan(400)
    expect(result.metrics.events).toBeLessThanOrEqual(500)
  })

  it('bounds its memory by maxEvents however fast events breed (a flood of raises on a complete graph)', () => {
    const actors = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: i % 2 === 1 ? 'clinician' : 'patient', levels: ['delivery'] }))
    const channels = actors.flatMap((from, i) => actors.filter((_, j) => j !== i).map((to) => ({ id: `${from.id}-${to.id}`, from: from.id, to: to.id, carries: [`k${i}`], level: 'delivery' })))
    const assets = actors.map((actor, i) => ({ id: `k${i}`, name: `K${i}`, kind: i % 2 === 1 ? 'response' : 'experience', holder: actor.id }))
    const flood = modelOf({ schema: 'orgintel/v2', id: 'flood', name: 'Flood', actors, assets, channels })
    // Each raise breeds 29 messages, so the queue outruns the bound at once; before, it grew
    // to millions of pending events (16 GB at the default bound) while only 20,000 could run.
    const result = simulate(flood, { seed: 1, days: 30, maxEvents: 20_000, parameters: { raiseRate: 1e6 } })
    expect(result.truncated).toBe(true)
    expect(result.metrics.events).toBeLessThan(20_000)
  })

  it('keeps series totals equal to the metrics', () => {
    const result = simulate(wardModel(), { seed: 2, days: 300, parameters: { raiseRate: 0.5 } })
    const total = (field: 'experiencesRaised' | 'responsesReturned' | 'changesMade') =>
      result.series.reduce((sum, row) => sum + row[field], 0)
    expect(result.series).toHaveLength(300 * 2)
    expect(total('experiencesRaised')).toBe(result.metrics.experiencesRaised)
    expect(total('responsesReturned')).toBe(Math.round(result.metrics.heardBackRate! * result.metrics.experiencesRaised))
    expect(total('changesMade')).toBeCloseTo((result.metrics.changesPer100Experiences! * result.metrics.experiencesRaised) / 100, 6)
    expect(result.series.at(-1)!.inFlight).toBeGreaterThanOrEqual(0)
  })

  it('delays work beyond an actor capacity', () => {
    const model = patientAndManager([story, reply])
    const parameters = { raiseRate: 5, respond: 1, decide: 1, act: 1 }
    const free = simulate(model, { seed: 4, days: 60, parameters })
    const limited = simulate(model, { seed: 4, days: 60, parameters: { ...parameters, actors: [{ actor: 'manager', capacityPerDay: 2 }] } })
    expect(free.metrics.closureTimeP90Days).toBe(5)
    expect(limited.metrics.closureTimeP90Days!).toBeGreaterThan(20)
  })

  it('treats ids such as __proto__ as ordinary ids', () => {
    const model = patientAndManager(
      [
        { ...story, from: '__proto__', to: 'constructor' },
        { ...reply, from: 'constructor', to: '__proto__' },
      ],
      { patient: '__proto__', manager: 'constructor' },
    )
    const result = simulate(model, {
      seed: 1,
      days: 50,
      parameters: { raiseRate: 1, actors: [{ actor: 'constructor', respond: 1 }] },
    })
    expect(result.metrics.heardBackRate).toBeGreaterThan(0.8)
    expect(({} as Record<string, unknown>)['days']).toBeUndefined()
  })

  it('uses per-kind rates and distribution options', () => {
    const model = patientAndManager([story, reply])
    const none = simulate(model, { seed: 1, days: 50, parameters: { raiseRateByKind: { patient: 0 } } })
    expect(none.metrics.experiencesRaised).toBe(0)
    expect(none.metrics.closureRate).toBeNull()
    const jittered = simulate(model, { seed: 1, days: 200, parameters: { raiseRate: 1, decide: 1, latency: 'uniform', jitter: 0.5 } })
    expect(jittered.metrics.closureTimeP90Days!).toBeGreaterThan(5)
    expect(jittered.metrics.closureTimeP90Days!).toBeLessThanOrEqual(7.5)
    const exponential = simulate(model, { seed: 1, days: 200, parameters: { raiseRate: 1, decide: 1, latency: 'exponential' } })
    expect(exponential.metrics.closureTimeP90Days!).toBeGreaterThan(7.5)
  })
  it('reports a seed that is not a safe integer and runs with it rounded towards 0', () => {
    const model = patientAndManager([story])
    const run = (seed: number) => simulate(model, { seed, days: 20, parameters: { raiseRate: 1 } })
    const fractional = run(1.5)
    expect(fractional.issues).toEqual([{ code: 'invalid-option', path: '/seed', message: 'The seed must be a whole number (a safe integer); ran with 1.' }])
    expect(fractional.seed).toBe(1)
    expect(JSON.stringify({ ...fractional, issues: [] })).toBe(JSON.stringify(run(1)))
    const missing = run(Number.NaN)
    expect(missing.issues.map((issue) => issue.path)).toEqual(['/seed'])
    expect(JSON.parse(JSON.stringify(missing)).seed).toBe(0)
    expect(run(2 ** 60).issues.map((issue) => issue.path)).toEqual(['/seed'])
    expect(run(-7).issues).toEqual([])
    expect(run(-7).seed).toBe(-7)
  })

  it('cuts a run longer than maxSimulationDays to that many days, with an issue, instead of running out of memory', () => {
    const model = patientAndManager([story])
    const long = simulate(model, { seed: 1, days: 1e7, parameters: { raiseRate: 0.01 } })
    expect(long.issues).toEqual([{ code: 'invalid-option', path: '/days', message: 'Days must be a whole number from 0 to 100,000; ran 100000.' }])
    expect(long.days).toBe(maxSimulationDays)
    expect(long.series.length).toBe(maxSimulationDays)
    expect(simulate(model, { seed: 1, days: maxSimulationDays }).issues).toEqual([])
    expect(simulate(model, { seed: 1, days: Number.POSITIVE_INFINITY }).days).toBe(0)
  })

  it('reports options of the wrong shape as issues instead of throwing, and leaves them out', () => {
    const model = patientAndManager([story])
    const interventions: any = [
      { day: 1, kind: 'add-channel', channel: { from: 'manager', to: 'patient', level: 'delivery' } },
      { day: -1, kind: 'remove-channel', channel: 'tell' },
      { day: 1, kind: 'rename-actor' },
      7,
      { day: 2, kind: 'remove-channel', channel: 'missing' },
    ]
    const parameters: any = { raiseRate: 1, respond: 2, actors: [{ actor: 'manager', passOn: 'yes' }, { actor: 'nobody' }] }
    const options = { parameters, interventions }
    expect(checkSimulationOptions(model, options).map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-option', '/parameters/respond'],
      ['invalid-option', '/parameters/actors/0/passOn'],
      ['invalid-option', '/interventions/0/channel/carries'],
      ['invalid-option', '/interventions/1/day'],
      ['invalid-option', '/interventions/2/kind'],
      ['invalid-option', '/interventions/3'],
      ['unknown-actor', '/parameters/actors/1/actor'],
      ['unknown-channel', '/interventions/4/channel'],
    ])
    expect(checkSimulationOptions(model, options)[2]!.message).toBe('The option at /interventions/0/channel/carries must be a list, but it is missing.')
    const result = simulate(model, { seed: 1, days: 30, ...options })
    expect(result.issues).toEqual(checkSimulationOptions(model, options))
    // What does not decode is left out: the run is the one without it.
    const clean = simulate(model, {
      seed: 1,
      days: 30,
      parameters: { raiseRate: 1, actors: [{ actor: 'nobody' }] },
      interventions: [{ day: 2, kind: 'remove-channel', channel: 'missing' }],
    })
    expect(result.metrics).toEqual(clean.metrics)
    expect(() => checkSimulationOptions(model, { interventions: 'none', parameters: 3 } as any)).not.toThrow()
  })
})
