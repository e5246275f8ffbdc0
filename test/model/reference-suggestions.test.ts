import { describe, expect, it } from 'vitest'
import { maxReportedErrors } from '../../src/model/errors.js'
import { codesAndPaths, errorsOf, withChange } from './fixtures.js'

/** The valid fixture with the reviewers' ids: an actor 'complaints-team' and an asset 'investigations'. */
const withTeam = (change: (document: Record<string, any>) => void) =>
  withChange((d) => {
    d['actors'].push({ id: 'complaints-team', name: 'Complaints team', kind: 'staff', levels: ['delivery'] })
    d['assets'].push({ id: 'investigations', name: 'Investigations', kind: 'insight', holder: 'complaints-team' })
    change(d)
  })

describe('unknown-reference: did you mean', () => {
  it('suggests the closest asset id for a carried asset, and the closest actor id for a sender', () => {
    const errors = errorsOf(
      withTeam((d) => {
        d['channels'].push({ id: 'findings', from: 'complaint-team', to: 'manager', carries: ['investigation'], level: 'delivery' })
      }),
    )
    expect(errors.map((error) => error.message)).toEqual([
      "Channel 'findings' refers to sender actor 'complaint-team', which is not in the model. Did you mean 'complaints-team'?",
      "Channel 'findings' refers to asset 'investigation', which is not in the model. Did you mean 'investigations'?",
    ])
  })

  it('suggests an id of the kind the reference names: an actor for a holder, an asset for a source', () => {
    const errors = errorsOf(
      withTeam((d) => {
        // 'investigation' is close to an asset id, but a holder must be an actor.
        d['assets'][0]['holder'] = 'investigation'
        d['assets'][1]['derivedFrom'] = ['Stories']
        d['loops'][0]['through'] = ['patients', 'nurse', 'patients']
        d['loops'][0]['source'] = 'complaints-teams'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['unknown-reference', '/assets/0/holder'],
      ['unknown-reference', '/assets/1/derivedFrom/0'],
      ['unknown-reference', '/loops/0/through/1'],
      ['unknown-reference', '/loops/0/source'],
    ])
    expect(errors.map((error) => error.message)).toEqual([
      "Asset 'stories' refers to holder actor 'investigation', which is not in the model.",
      "Asset 'reply' refers to asset 'Stories', which is not in the model. Did you mean 'stories'?",
      "Declared loop 'you-said' refers to actor 'nurse', which is not in the model. Did you mean 'nurses'?",
      "Declared loop 'you-said' refers to source asset 'complaints-teams', which is not in the model.",
    ])
  })

  it('suggests nothing when no id is close enough', () => {
    const errors = errorsOf(withTeam((d) => (d['channels'][0]['to'] = 'pals')))
    expect(errors[0]?.message).toBe("Channel 'tell' refers to receiving actor 'pals', which is not in the model.")
  })

  it('suggests the same id wherever the same missing id is named', () => {
    const errors = errorsOf(withTeam((d) => d['channels'].forEach((channel: Record<string, unknown>) => (channel['from'] = 'complaint-team'))))
    expect(errors).toHaveLength(3)
    for (const error of errors) expect(error.message).toMatch(/Did you mean 'complaints-team'\?$/)
  })

  it('a model of 50,000 assets with more missing ids than are listed: suggestions up to a budget of comparisons, each right', () => {
    const count = 50_000
    const assets = Array.from({ length: count }, (_, i) => ({ id: `asset-${i}`, name: 'A', kind: 'experience', holder: 'p' }))
    const channels = Array.from({ length: 2 * maxReportedErrors }, (_, i) => ({ id: `c${i}`, from: 'p', to: 'p', carries: [`asset-${i}x`], level: 'delivery' }))
    const errors = errorsOf({ schema: 'orgintel/v2', id: 'm', name: 'M', actors: [{ id: 'p', name: 'P', kind: 'patient', levels: ['delivery'] }], assets, channels })
    expect(errors).toHaveLength(maxReportedErrors + 1)
    expect(errors[maxReportedErrors]?.code).toBe('too-many-errors')
    expect(errors[0]?.message).toMatch(/Did you mean 'asset-0'\?$/)
    const suggested = errors.slice(0, maxReportedErrors).filter((error, i) => error.message.endsWith(`Did you mean 'asset-${i}'?`))
    expect(suggested.length).toBeGreaterThan(10)
    expect(errors.slice(0, maxReportedErrors).every((error) => !error.message.includes('Did you mean') || suggested.includes(error))).toBe(true)
  })
})
