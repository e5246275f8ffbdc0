import { describe, expect, it } from 'vitest'
import { checkSimulationOptions } from '../../src/simulate/issues.js'
import { simulate } from '../../src/simulate/simulate.js'
import { calibrationWard, trueParameters } from '../evidence/calibration-fixtures.js'
import { wardModel } from './fixtures.js'

const model = calibrationWard()
const options = { seed: 3, days: 120, parameters: trueParameters }

describe('recordEvents', () => {
  const recorded = simulate(model, { ...options, recordEvents: true })

  it('records every experience event by event without changing the run', () => {
    const { eventLog, ...rest } = recorded
    expect(JSON.stringify(rest)).toBe(JSON.stringify(simulate(model, options)))
    expect(eventLog!.truncated).toBe(false)
    const raised = eventLog!.events.filter((event) => event.stage === 'raised')
    expect(raised).toHaveLength(recorded.metrics.experiencesRaised)
    expect(new Set(eventLog!.events.map((event) => event.stage))).toEqual(new Set(['raised', 'received', 'themed', 'decided', 'changed', 'replied']))
    // What the team did reaches the manager over 'report', and the manager's reply is made from it.
    expect(eventLog!.events.some((event) => event.stage === 'received' && event.channel === 'report' && event.actor === 'manager')).toBe(true)
    // A story or decision received names the channel it came over; a reply the channel it left by.
    for (const event of eventLog!.events) {
      if (event.stage === 'received') expect(['post', 'alert', 'brief', 'report']).toContain(event.channel)
      else if (event.stage === 'replied') expect(event).toMatchObject({ actor: 'manager', channel: 'publish' })
      else expect(event.channel).toBeUndefined()
    }
    expect(JSON.stringify(simulate(model, { ...options, recordEvents: true }).eventLog)).toBe(JSON.stringify(eventLog))
  })

  it('replies in the log are those that reached the person who raised the story', () => {
    const items = simulate(model, { ...options, recordItems: true }).items!
    const replied = new Set(recorded.eventLog!.events.filter((event) => event.stage === 'replied').map((event) => event.item))
    expect(replied.size).toBe(items.filter((item) => item.heardBackAt !== null).length)
  })

  it('records an event once when an actor makes two assets of a stage from an item at once', () => {
    // Ward 7's experience team makes its themes and its quarterly report from a story at once, and both go to the committee together.
    const ward = wardModel()
    const events = simulate(ward, { seed: 7, days: 365, recordEvents: true }).eventLog!.events
    const keys = events.map((event) => `${event.item} ${Math.round(event.day * 86_400)} ${event.stage} ${event.actor} ${event.channel ?? ''}`)
    expect(events.filter((event) => event.stage === 'themed' && event.actor === 'experience-team').length).toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('keeps at most maxRecordedEvents, and leaves out experiences raised in the warm-up', () => {
    const bounded = simulate(model, { ...options, recordEvents: true, maxRecordedEvents: 10 }).eventLog!
    expect(bounded.events).toHaveLength(10)
    expect(bounded.truncated).toBe(true)
    const warm = simulate(model, { ...options, warmUpDays: 60, recordEvents: true }).eventLog!
    expect(Math.min(...warm.events.filter((event) => event.stage === 'raised').map((event) => event.day))).toBeGreaterThanOrEqual(60)
  })
})

describe('per-channel parameters', () => {
  it('override the model channel reliability and latency', () => {
    const cut = simulate(model, { ...options, parameters: { ...trueParameters, channels: [{ channel: 'alert', reliability: 0 }] } })
    expect(cut.metrics.heardBackRate).toBe(0)
    const slow = simulate(model, { ...options, recordEvents: true, parameters: { ...trueParameters, channels: [{ channel: 'post', latencyDays: 7 }] } }).eventLog!
    const raisedAt = new Map(slow.events.filter((event) => event.stage === 'raised').map((event) => [event.item, event.day]))
    const posted = slow.events.find((event) => event.channel === 'post')!
    expect(posted.day - raisedAt.get(posted.item)!).toBeCloseTo(7, 9)
  })

  it('name channels of the model, with a suggestion for a misspelt one', () => {
    expect(checkSimulationOptions(model, { parameters: { channels: [{ channel: 'alrt', reliability: 0.5 }] } })).toEqual([
      { code: 'unknown-channel', path: '/parameters/channels/0/channel', message: `No channel has the id 'alrt'. Did you mean 'alert'?` },
    ])
    expect(checkSimulationOptions(model, { parameters: { channels: [{ channel: 'alert', reliablity: 0.5 }] } as never })).toEqual([
      expect.objectContaining({ code: 'unknown-option', path: '/parameters/channels/0/reliablity' }),
    ])
  })
})
