import { describe, expect, it } from 'vitest'
import { simulate } from '../../src/simulate/simulate.js'
import { modelOf, patientAndManager } from './fixtures.js'

const story = { id: 'tell', from: 'patient', to: 'manager', carries: ['story'], latencyDays: 2 }
const reply = { id: 'answer', from: 'manager', to: 'patient', carries: ['reply'], latencyDays: 3 }

describe('simulate: what travels, and what counts as closure', () => {
  it('sends nothing over a channel that carries nothing', () => {
    const empty = simulate(patientAndManager([{ ...story, carries: [] }, { ...reply, carries: [] }]), { seed: 1, days: 60, parameters: { raiseRate: 1 } })
    expect(empty.metrics.experiencesRaised).toBeGreaterThan(30)
    expect(empty.metrics.messagesSent).toBe(0)
    expect(empty.metrics.responseRate).toBe(0)
  })

  it('brings a reply back only over channels that carry a response', () => {
    // Care delivery reaches the patient, but it is not a reply.
    const care = { ...reply, id: 'care', carries: ['fix'] }
    const result = simulate(patientAndManager([story, care]), { seed: 1, days: 60, parameters: { raiseRate: 1, respond: 1 } })
    expect(result.metrics.heardBackRate).toBe(0)
    expect(result.metrics.responseRate).toBe(0)
    expect(result.metrics.repliesUnroutable).toBeGreaterThan(30)
    const answered = simulate(patientAndManager([story, care, reply]), { seed: 1, days: 60, parameters: { raiseRate: 1, respond: 1 } })
    expect(answered.metrics.heardBackRate).toBeGreaterThan(0.9)
  })

  it('counts a reply in the response rate, and only a reply after a change as closure', () => {
    const model = patientAndManager([story, reply])
    const run = (decide: number, act: number) =>
      simulate(model, { seed: 2, days: 120, warmUpDays: 10, parameters: { raiseRate: 1, respond: 1, decide, act } }).metrics
    const heard = run(0, 0)
    expect(heard.responseRate).toBeGreaterThan(0.95)
    expect(heard.heardBackRate).toBeGreaterThan(0.9)
    expect(heard.heardOnlyRate).toBe(heard.heardBackRate)
    expect(heard.closureRate).toBe(0)
    const decided = run(1, 0)
    expect(decided.decidedOnlyRate).toBe(decided.heardBackRate)
    expect(decided.closureRate).toBe(0)
    const did = run(1, 1)
    expect(did.closureRate).toBe(did.heardBackRate)
    expect(did.closureRate).toBeGreaterThan(0.9)
    // Each counted experience has exactly one outcome.
    for (const metrics of [heard, decided, did]) {
      expect(metrics.closureRate! + metrics.decidedOnlyRate! + metrics.heardOnlyRate!).toBeCloseTo(metrics.heardBackRate!, 12)
    }
  })

  it('records each experience with its outcome when asked, and agrees with the metrics', () => {
    const model = patientAndManager([story, reply])
    const options = { seed: 7, days: 90, warmUpDays: 5, parameters: { raiseRate: 1, respond: 0.7, decide: 0.5, act: 0.5 } }
    const plain = simulate(model, options)
    expect(plain.items).toBeUndefined()
    const { items, metrics } = simulate(model, { ...options, recordItems: true })
    expect(items).toHaveLength(metrics.experiencesRaised)
    const shareOf = (outcome: string) => items!.filter((item) => item.outcome === outcome).length / items!.length
    expect(shareOf('did')).toBe(metrics.closureRate)
    expect(shareOf('decided')).toBe(metrics.decidedOnlyRate)
    expect(shareOf('heard')).toBe(metrics.heardOnlyRate)
    expect(shareOf('did')).toBeGreaterThan(0)
    for (const item of items!) {
      expect(item.raisedBy).toBe('patient')
      expect(item.raisedAt).toBeGreaterThanOrEqual(5)
      expect(item.closedAt === null).toBe(item.outcome !== 'did')
      expect(item.heardBackAt === null).toBe(item.outcome === 'open')
      if (item.closedAt !== null) expect(item.closedAt - item.raisedAt).toBeCloseTo(5, 9)
    }
  })

  it('leaves the warm-up out of the metrics but not out of the series', () => {
    const model = patientAndManager([story, reply])
    const whole = simulate(model, { seed: 3, days: 100, parameters: { raiseRate: 1 } })
    const warmed = simulate(model, { seed: 3, days: 100, warmUpDays: 40, parameters: { raiseRate: 1 } })
    expect(warmed.series).toEqual(whole.series)
    const raisedAfter = warmed.series.filter((row) => row.day >= 40).reduce((sum, row) => sum + row.experiencesRaised, 0)
    expect(warmed.metrics.experiencesRaised).toBe(raisedAfter)
    expect(warmed.metrics.experiencesRaised).toBeLessThan(whole.metrics.experiencesRaised)
    expect(simulate(model, { seed: 3, days: 10, warmUpDays: 20 }).issues.map((issue) => issue.path)).toEqual(['/warmUpDays'])
  })
})

/** Two groups of patients and a carer, all telling one manager who replies to everyone. */
const groupsModel = () =>
  modelOf({
    schema: 'orgintel/v2',
    id: 'groups',
    name: 'Groups',
    actors: [
      { id: 'forum', name: 'Forum', kind: 'forum', perspective: 'lay', levels: ['planning'], represents: 40, tags: ['voice'] },
      { id: 'patient', name: 'Patient', kind: 'patient', levels: ['delivery'], tags: ['voice', 'ward'] },
      { id: 'carer', name: 'Carer', kind: 'carer', levels: ['delivery'], tags: ['ward'] },
      { id: 'manager', name: 'Manager', kind: 'manager', levels: ['delivery', 'planning'] },
    ],
    assets: [
      { id: 'forum-view', name: 'Forum view', kind: 'experience', holder: 'forum' },
      { id: 'story', name: 'Story', kind: 'experience', holder: 'patient' },
      { id: 'concern', name: 'Concern', kind: 'experience', holder: 'carer' },
      { id: 'reply', name: 'Reply', kind: 'response', holder: 'manager' },
    ],
    channels: [
      { id: 'f', from: 'forum', to: 'manager', carries: ['forum-view'], level: 'planning' },
      { id: 'p', from: 'patient', to: 'manager', carries: ['story'], level: 'delivery' },
      { id: 'c', from: 'carer', to: 'manager', carries: ['concern'], level: 'delivery' },
      { id: 'back-f', from: 'manager', to: 'forum', carries: ['reply'], level: 'planning' },
      { id: 'back-p', from: 'manager', to: 'patient', carries: ['reply'], level: 'delivery' },
    ],
  })

describe('simulate: people, not actors', () => {
  it('raises for every person an actor represents, and reports who is heard back per actor, tag and level', () => {
    const result = simulate(groupsModel(), { seed: 4, days: 200, parameters: { raiseRate: 0.5, respond: 1 } })
    const { actors, tags, levels } = result.groups
    expect(actors.map((group) => [group.group, group.people])).toEqual([['forum', 40], ['patient', 1], ['carer', 1]])
    const forum = actors[0]!
    const patient = actors[1]!
    const carer = actors[2]!
    // 40 people at 0.5 a day for 200 days: about 4,000; one person: about 100.
    expect(forum.experiencesRaised).toBeGreaterThan(3600)
    expect(forum.experiencesRaised).toBeLessThan(4400)
    expect(patient.experiencesRaised).toBeGreaterThan(70)
    expect(patient.experiencesRaised).toBeLessThan(130)
    expect(carer.heardBackRate).toBe(0)
    expect(patient.heardBackRate).toBeGreaterThan(0.9)
    expect(forum.heardBackRate).toBeGreaterThan(0.9)
    const voice = tags.find((group) => group.group === 'voice')!
    expect(voice.people).toBe(41)
    expect(voice.experiencesRaised).toBe(forum.experiencesRaised + patient.experiencesRaised)
    const ward = tags.find((group) => group.group === 'ward')!
    expect(ward.heardBackRate).toBeCloseTo((patient.experiencesRaised * patient.heardBackRate!) / (patient.experiencesRaised + carer.experiencesRaised), 12)
    expect(levels.map((group) => [group.group, group.people])).toEqual([['delivery', 2], ['planning', 40]])
    expect(levels.reduce((sum, group) => sum + group.experiencesRaised, 0)).toBe(result.metrics.experiencesRaised)
  })
})

describe('simulate: feedback fatigue', () => {
  const parameters = { raiseRate: 1 }
  it('changes nothing unless it is turned on', () => {
    const model = patientAndManager([story, reply])
    const plain = simulate(model, { seed: 5, days: 150, parameters })
    expect(simulate(model, { seed: 5, days: 150, parameters: { ...parameters, fatigueDrop: 0, fatigueRecovery: 0.9, fatiguePatienceDays: 3 } })).toEqual(plain)
  })

  it('makes people who are not heard back raise less, and replies bring them back', () => {
    const unanswered = patientAndManager([story])
    const fatigue = { fatigueDrop: 0.2, fatiguePatienceDays: 10 }
    const plain = simulate(unanswered, { seed: 6, days: 200, parameters })
    const tired = simulate(unanswered, { seed: 6, days: 200, parameters: { ...parameters, ...fatigue } })
    expect(tired.metrics.experiencesRaised).toBeLessThan(plain.metrics.experiencesRaised / 4)
    const answered = patientAndManager([story, reply])
    const heard = simulate(answered, { seed: 6, days: 200, parameters: { ...parameters, ...fatigue, respond: 1 } })
    expect(heard.metrics.experiencesRaised).toBeGreaterThan(plain.metrics.experiencesRaised * 0.8)
  })
})

describe('simulate: what a channel carries is the graph\'s one definition', () => {
  it('carries nothing of an asset its sender never has (a reply listed on a channel that cannot have it)', () => {
    const model = (answerCarries: ReadonlyArray<string>) =>
      modelOf({
        schema: 'orgintel/v2',
        id: 'listed',
        name: 'Listed but not had',
        actors: [
          { id: 'patient', name: 'P', kind: 'patient', levels: ['delivery'] },
          { id: 'manager', name: 'M', kind: 'manager', levels: ['delivery'] },
          { id: 'pals', name: 'PALS', kind: 'intermediary', levels: ['delivery'] },
        ],
        assets: [
          { id: 'story', name: 'Story', kind: 'experience', holder: 'patient' },
          { id: 'pals-letter', name: 'PALS letter', kind: 'response', holder: 'pals' },
          { id: 'reply', name: 'Reply', kind: 'response', holder: 'manager' },
        ],
        channels: [
          { id: 'tell', from: 'patient', to: 'manager', carries: ['story'], level: 'delivery' },
          { id: 'answer', from: 'manager', to: 'patient', carries: answerCarries, level: 'delivery' },
        ],
      })
    const options = { seed: 1, days: 60, parameters: { raiseRate: 1, respond: 1 } }
    // The manager never has PALS's letter, so listing it opens no way back.
    expect(simulate(model(['pals-letter']), options).metrics.heardBackRate).toBe(0)
    expect(simulate(model(['reply']), options).metrics.heardBackRate).toBeGreaterThan(0.9)
  })
})
