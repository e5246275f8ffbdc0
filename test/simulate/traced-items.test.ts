import { describe, expect, it } from 'vitest'
import { traceLoops } from '../../src/graph/trace.js'
import type { Channel, Model } from '../../src/model/codecs.js'
import { ActorKind } from '../../src/model/vocabulary.js'
import type { SimulationParameters } from '../../src/simulate/parameters.js'
import { simulate } from '../../src/simulate/simulate.js'
import { exampleModel, modelOf } from './fixtures.js'

const ward = exampleModel('acute-ward-fft')

/** The ward with some channels changed (restored, or made less reliable). */
const withChannels = (model: Model, change: (channel: Channel) => Channel, added: ReadonlyArray<Channel> = []): Model =>
  modelOf({ ...model, channels: [...model.channels.map(change), ...added] })

const restored = (model: Model): Model =>
  withChannels(model, (channel) => (channel.id === 'themes-to-ward' || channel.id === 'ysywd-board' ? { ...channel, status: 'active' } : channel))

/** Share of the items of `source` raised before `before` whose outcome is `did`. */
const didShare = (model: Model, seed: number, source: string, parameters: SimulationParameters = {}, before = 300): number => {
  const { items } = simulate(model, { seed, days: 400, recordItems: true, parameters: { raiseRate: 0.02, ...parameters } })
  const mine = items!.filter((item) => item.source === source && item.raisedAt < before)
  expect(mine.length).toBeGreaterThan(100)
  return mine.filter((item) => item.outcome === 'did').length / mine.length
}

describe('simulate: items travel through derived assets, as the diagnosis traces them', () => {
  it('closes nothing for FFT comments that stop at the experience team, and restoring the themes report and the board closes them', () => {
    for (const seed of [1, 2, 3]) {
      const asIs = simulate(ward, { seed, days: 365, recordItems: true, parameters: { raiseRate: 0.02 } })
      const patients = asIs.groups.actors.find((group) => group.group === 'patients')!
      const comments = asIs.items!.filter((item) => item.source === 'fft-comments')
      expect(comments.length).toBeGreaterThan(1000)
      expect(comments.every((item) => item.outcome === 'open')).toBe(true)
      // The % score travels to the ward and the board, but it is not the comments it was counted from.
      expect(asIs.items!.filter((item) => item.source === 'fft-ratings').every((item) => item.outcome === 'open')).toBe(true)
      const repaired = simulate(restored(ward), { seed, days: 365, parameters: { raiseRate: 0.02 } })
      const patientsRepaired = repaired.groups.actors.find((group) => group.group === 'patients')!
      expect(patientsRepaired.closureRate!).toBeGreaterThan(patients.closureRate! + 0.1)
      expect(didShare(restored(ward), seed, 'fft-comments')).toBeGreaterThan(0.5)
    }
  })

  it('never lowers closure when an unreliable board is added next to a reliable one', () => {
    const reliable = withChannels(restored(ward), (channel) => (channel.id === 'ysywd-board' ? ({ ...channel, reliability: 1 }) as Channel : channel))
    const board = ward.channels.find((channel) => channel.id === 'ysywd-board')!
    const unreliable = { ...board, id: 'second-board', status: 'active', reliability: 0.1, latencyDays: 2 } as Channel
    const both = modelOf({ ...reliable, channels: [...reliable.channels, unreliable] })
    // Everything but the second board certain: every comment raised in time closes, with or without it.
    const certain = { makeSense: 1, act: 1, respond: 1 }
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(didShare(reliable, seed, 'fft-comments', certain)).toBe(1)
      expect(didShare(both, seed, 'fft-comments', certain)).toBe(1)
    }
    // With an imperfect reliable board, the second one adds chances: more close, never fewer.
    const imperfect = (model: Model) =>
      withChannels(model, (channel) => (channel.id === 'ysywd-board' ? ({ ...channel, reliability: 0.6 }) as Channel : channel))
    const mean = (model: Model) => [1, 2, 3, 4, 5].reduce((sum, seed) => sum + didShare(imperfect(model), seed, 'fft-comments', certain), 0) / 5
    expect(mean(both)).toBeGreaterThan(mean(reliable) + 0.02)
  })
})

const everyKind = Object.fromEntries(Object.keys(ActorKind.keys).map((kind) => [kind, 0.05]))
const certainty: SimulationParameters = {
  raiseRateByKind: everyKind,
  respond: 1,
  makeSense: 1,
  decide: 1,
  act: 1,
  recordLesson: 1,
  summarise: 1,
  passOn: 1,
  maxHops: 1000,
}

describe('simulate: agrees with traced loops when nothing is left to chance', () => {
  for (const name of ['acute-ward-fft', 'ward-you-said-we-did', 'icb-quality-committee', 'recovery-college', 'commissioning-cycle', 'healthy-reference']) {
    it(`gives every item of ${name} the outcome of its source's traced loop`, () => {
      // One person per actor, so a national population raises as few items as a ward.
      const given = exampleModel(name)
      const model = modelOf({ ...given, actors: given.actors.map(({ represents: _, ...actor }) => actor) })
      const traced = new Map(traceLoops(model).loops.map((loop) => [loop.source as string, loop.outcome]))
      const { items } = simulate(model, {
        seed: 11,
        days: 200,
        recordItems: true,
        parameters: certainty,
        // Reliability 1 and no delays on every channel.
        interventions: [
          { day: 0, kind: 'set-reliability', reliability: 1 },
          { day: 0, kind: 'set-latency', latencyDays: 0 },
        ],
      })
      const seen = new Set<string>()
      for (const item of items!) {
        seen.add(item.source)
        expect([item.source, item.outcome]).toEqual([item.source, traced.get(item.source)])
      }
      // Every source of a raising actor was raised: each traced loop was checked.
      expect([...seen].sort()).toEqual([...traced.keys()].sort())
      if (name === 'acute-ward-fft') expect(new Set(traced.values())).toEqual(new Set(['did', 'open']))
    })
  }
})

describe('simulate: making derived assets takes time and chance, per kind and per actor', () => {
  const bedside = (parameters: SimulationParameters) => {
    const { items } = simulate(ward, { seed: 5, days: 120, recordItems: true, parameters: { raiseRate: 0.01, act: 1, respond: 1, ...parameters } })
    return items!.filter((item) => item.source === 'bedside-concerns')
  }
  /** The distinct round trips of bedside concerns, to a nanoday (raise times are not whole days). */
  const daysToClose = (parameters: SimulationParameters) =>
    [...new Set(bedside(parameters).flatMap((item) => (item.closedAt === null ? [] : [(item.closedAt - item.raisedAt).toFixed(9)])))]

  it('adds each derivation delay to the round trip: global, then per kind, then per actor', () => {
    // Bedside (0 days), the fix, the reply, the answer channel (1 day).
    expect(daysToClose({})).toEqual(['1.000000000'])
    expect(daysToClose({ derivationDelayDays: 2 })).toEqual(['5.000000000'])
    expect(daysToClose({ derivationDelayDays: 2, derivationDelayDaysByKind: { response: 5 } })).toEqual(['8.000000000'])
    const actorWins = { derivationDelayDays: 2, derivationDelayDaysByKind: { response: 5 }, actors: [{ actor: 'nursing-team', derivationDelayDays: 1 }] }
    expect(daysToClose(actorWins)).toEqual(['3.000000000'])
  })

  it('makes an asset with the probability of its kind, which wins over the role', () => {
    const items = bedside({ derivationByKind: { response: 0 } })
    expect(items.length).toBeGreaterThan(100)
    expect(items.every((item) => item.outcome === 'open')).toBe(true)
    const half = bedside({ derivationByKind: { response: 0.5 } })
    const answered = half.filter((item) => item.outcome === 'did').length / half.length
    expect(answered).toBeGreaterThan(0.4)
    expect(answered).toBeLessThan(0.6)
  })
})

describe("simulate: a reply is someone else's answer, as a traced loop closes", () => {
  /** Every item of a run over `days` with certain making and reliable channels, its traced loop, its replies sent and its log. */
  const run = (model: Model, parameters: SimulationParameters = {}) => {
    const result = simulate(model, { seed: 3, days: 200, recordItems: true, recordEvents: true, parameters: { respond: 1, makeSense: 1, decide: 1, ...parameters } })
    const [loop] = traceLoops(model).loops
    return { result, loop: loop!, items: result.items!.filter((item) => item.raisedAt < 180) }
  }

  it("leaves the carers' concerns open when only their own newsletter answers them", () => {
    // Carers tell the community team their concerns; nothing comes back. Their own
    // newsletter (a response, made from what they have) is no reply to what they raised.
    const carers = modelOf({
      schema: 'orgintel/v2',
      id: 'carers-newsletter',
      name: 'Carers and the community team',
      actors: [
        { id: 'carers', name: 'Carers group', kind: 'carer', levels: ['delivery'] },
        { id: 'team', name: 'Community mental health team', kind: 'provider', levels: ['delivery'] },
      ],
      assets: [
        { id: 'concerns', name: 'Concerns about discharge', kind: 'experience', holder: 'carers' },
        { id: 'newsletter', name: 'Carers newsletter', kind: 'response', holder: 'carers' },
      ],
      channels: [{ id: 'carers-forum', from: 'carers', to: 'team', level: 'delivery', carries: ['concerns'], latencyDays: 3 }],
    })
    const { result, loop, items } = run(carers, { raiseRate: 1 })
    expect(loop.outcome).toBe('open')
    expect(items.length).toBeGreaterThan(100)
    expect(items.every((item) => item.outcome === 'open' && item.heardBackAt === null)).toBe(true)
    // Nobody replied, so nothing was sent and nothing arrived (Care Opinion's response rate is 0).
    expect([result.metrics.responseRate, result.metrics.heardBackRate, result.metrics.repliesUnroutable]).toEqual([0, 0, 0])
    expect(result.eventLog!.events.filter((event) => event.stage === 'replied')).toEqual([])
  })

  it('closes the loop of a group that writes its own "you said, we did" wall from what its manager brings back', () => {
    // A Patient Participation Group raises concerns with the practice manager, who brings
    // back what was decided (or, with nothing decided, the themes heard); the group puts it
    // on its own wall, which it also fills from its own concerns.
    const group = (made: 'decision' | 'insight') =>
      modelOf({
        schema: 'orgintel/v2',
        id: 'ppg-wall',
        name: 'A PPG and its practice manager',
        actors: [
          { id: 'ppg', name: 'Patient Participation Group', kind: 'forum', levels: ['delivery'] },
          { id: 'practice-manager', name: 'Practice manager', kind: 'manager', levels: ['delivery'] },
        ],
        assets: [
          { id: 'concerns', name: 'Members concerns', kind: 'experience', holder: 'ppg' },
          { id: 'brought-back', name: 'What the manager brings back', kind: made, holder: 'practice-manager', derivedFrom: ['concerns'] },
          { id: 'wall', name: 'You said, we did wall', kind: 'response', holder: 'ppg', derivedFrom: ['concerns', 'brought-back'] },
        ],
        channels: [
          { id: 'ppg-meeting', from: 'ppg', to: 'practice-manager', level: 'delivery', carries: ['concerns'], latencyDays: 3 },
          { id: 'manager-update', from: 'practice-manager', to: 'ppg', level: 'delivery', carries: ['brought-back'], latencyDays: 10 },
        ],
      })
    for (const [made, outcome] of [['decision', 'decided'], ['insight', 'heard']] as const) {
      const { result, loop, items } = run(group(made), { raiseRateByKind: { forum: 1 } })
      expect([loop.outcome, loop.latencyDays]).toEqual([outcome, 13])
      expect(items.length).toBeGreaterThan(100)
      // Back when the manager's answer is on the wall (13 days), not when the group first writes on it.
      const backAfter = new Set(items.map((item) => `${item.outcome} ${item.heardBackAt === null ? 'never' : (item.heardBackAt - item.raisedAt).toFixed(9)}`))
      expect(backAfter).toEqual(new Set([`${outcome} 13.000000000`]))
      // The wall written from the manager's answer is a reply sent, and the group's log records it.
      expect(result.metrics.responseRate).toBe(result.metrics.heardBackRate)
      expect(result.eventLog!.events.filter((event) => event.stage === 'replied' && event.actor === 'ppg').length).toBeGreaterThan(100)
    }
  })
})
