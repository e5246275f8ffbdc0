import { describe, expect, it } from 'vitest'
import { decodeModel } from '../../src/model/decode.js'
import type { Model } from '../../src/model/codecs.js'
import { modelWarnings } from '../../src/model/warnings.js'
import { validDocument } from './fixtures.js'

type Document = Record<string, any>

const modelOf = (change: (document: Document) => void): Model => {
  const document = validDocument() as Document
  change(document)
  const result = decodeModel(document)
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
  return result.right
}

const codesAndPaths = (model: Model) => modelWarnings(model).map((warning) => [warning.code, warning.path])

describe('modelWarnings', () => {
  it('finds nothing in the valid fixture', () => {
    expect(modelWarnings(modelOf(() => {}))).toEqual([])
  })

  it('asset-not-available: a sender that neither holds nor receives the asset', () => {
    const model = modelOf((d) => {
      d['channels'].push({ id: 'leak', from: 'manager', to: 'patients', carries: ['reply'], level: 'delivery' })
    })
    expect(codesAndPaths(model)).toEqual([['asset-not-available', '/channels/3/carries/0']])
    expect(modelWarnings(model)[0]?.message).toBe(
      "Channel 'leak' carries asset 'reply', but its sender 'manager' neither holds it nor receives it on any channel.",
    )
  })

  it('asset-not-available: received transitively over channels that carry it is fine', () => {
    // stories: patients -> nurses -> manager -> back to patients.
    const model = modelOf((d) => {
      d['channels'].push({ id: 'onward', from: 'manager', to: 'patients', carries: ['stories'], level: 'delivery' })
    })
    expect(modelWarnings(model)).toEqual([])
  })

  it('asset-not-available: reaching the sender over a channel that carries something else does not count', () => {
    const model = modelOf((d) => {
      // The reply's holder (nurses) reaches manager over 'escalate', which carries stories, not the reply.
      d['channels'].push({ id: 'relay', from: 'manager', to: 'nurses', carries: ['reply'], level: 'delivery' })
    })
    expect(codesAndPaths(model)).toEqual([['asset-not-available', '/channels/3/carries/0']])
  })

  it('level-mismatch: a channel at a level one end does not take part in', () => {
    const model = modelOf((d) => {
      d['channels'][0]['level'] = 'planning'
      d['channels'][1]['level'] = 'planning'
      d['channels'][2]['level'] = 'strategy'
    })
    expect(codesAndPaths(model)).toEqual([
      ['level-mismatch', '/channels/0/level'],
      ['level-mismatch', '/channels/1/level'],
      ['level-mismatch', '/channels/2/level'],
    ])
    const messages = modelWarnings(model).map((warning) => warning.message)
    // Patients are heard at whatever level their knowledge is used: only the nurses are out of place.
    expect(messages[0]).toBe("Channel 'tell' works at the planning level, but actor 'nurses' does not take part in it.")
    expect(messages[1]).toBe("Channel 'escalate' works at the planning level, but actor 'nurses' does not take part in it.")
  })

  it('level-mismatch: not for patients heard at planning level, as a GP patient survey sent straight to NHS England', () => {
    const model = modelOf((d) => {
      d['actors'].push({ id: 'nhse', name: 'NHS England', kind: 'regulator', levels: ['planning'] })
      d['channels'].push({ id: 'survey', from: 'patients', to: 'nhse', carries: [], level: 'planning' })
    })
    expect(codesAndPaths(model)).toEqual([])
  })

  it('inactive-carries-nothing: a lapsed or planned channel that lists nothing cannot be brought back', () => {
    const model = modelOf((d) => {
      d['channels'].push({ id: 'board', from: 'nurses', to: 'patients', carries: [], level: 'delivery', status: 'inactive' })
      d['channels'].push({ id: 'poster', from: 'nurses', to: 'patients', carries: [], level: 'delivery', status: 'planned' })
    })
    expect(codesAndPaths(model)).toEqual([
      ['inactive-carries-nothing', '/channels/3/carries'],
      ['inactive-carries-nothing', '/channels/4/carries'],
    ])
    expect(modelWarnings(model)[0]!.message).toBe(
      "Channel 'board' is inactive and lists nothing in carries, so no diagnosis can tell what it was for, and no repair can bring it back: list what it carried.",
    )
    expect(modelWarnings(model)[1]!.message).toContain('list what it is to carry')
  })

  it('self-channel: a channel from an actor to itself', () => {
    const model = modelOf((d) => {
      d['channels'].push({ id: 'huddle', from: 'nurses', to: 'nurses', carries: [], level: 'delivery' })
    })
    expect(codesAndPaths(model)).toEqual([['self-channel', '/channels/3/to']])
    expect(modelWarnings(model)[0]!.message).toBe("Channel 'huddle' runs from 'nurses' to itself, so it takes nothing anywhere.")
  })

  it('unreachable-loop-level: a declared loop none of whose steps joins two actors taking part in its level', () => {
    const model = modelOf((d) => {
      d['loops'].push({ id: 'planning-loop', name: 'P', level: 'planning', through: ['manager', 'nurses', 'manager'] })
    })
    expect(codesAndPaths(model)).toEqual([['unreachable-loop-level', '/loops/1/level']])
    expect(modelWarnings(model)[0]?.message).toBe(
      "Declared loop 'planning-loop' is at the planning level, but none of its steps joins two actors who take part in it: actor 'nurses' does not.",
    )
  })

  it('unreachable-loop-level: not for a loop that starts and ends at another level, with a step at its own', () => {
    // Nurses at delivery tell the manager, who takes it to a planning forum and brings the answer back.
    const model = modelOf((d) => {
      d['actors'].push({ id: 'forum', name: 'Forum', kind: 'forum', levels: ['planning'] })
      d['loops'].push({ id: 'cross', name: 'C', level: 'planning', through: ['nurses', 'manager', 'forum', 'manager', 'nurses'] })
    })
    expect(codesAndPaths(model).filter(([code]) => code === 'unreachable-loop-level')).toEqual([])
  })

  it('quotes ids only, never names', () => {
    const model = modelOf((d) => {
      d['actors'][1]['name'] = 'Nurse Jane Example'
      d['channels'][0]['level'] = 'strategy'
    })
    expect(modelWarnings(model).map((warning) => warning.message).join('\n')).not.toContain('Jane')
  })

  it('is iterative: a chain of 200,000 actors relaying one asset warns nothing', () => {
    const count = 200_000
    const ids = Array.from({ length: count }, (_, i) => `a${i}`)
    const result = decodeModel({
      schema: 'orgintel/v2',
      id: 'chain',
      name: 'Chain',
      actors: ids.map((id) => ({ id, name: id, kind: 'patient', levels: ['delivery'] })),
      assets: [{ id: 'story', name: 'Story', kind: 'experience', holder: 'a0' }],
      channels: ids.slice(1).map((id, i) => ({ id: `c${i}`, from: ids[i], to: id, carries: ['story'], level: 'delivery' })),
    })
    expect(result._tag === 'Right' && modelWarnings(result.right)).toEqual([])
  })
})

describe('provenance-unreached', () => {
  it('warns where an asset is made from one that never reaches its holder over active channels', () => {
    const document = {
      schema: 'orgintel/v2',
      id: 'ward',
      name: 'Ward',
      actors: [
        { id: 'team', name: 'Experience team', kind: 'staff', levels: ['delivery'] },
        { id: 'manager', name: 'Ward manager', kind: 'manager', levels: ['delivery'] },
      ],
      assets: [
        { id: 'themes', name: 'Themes', kind: 'insight', holder: 'team' },
        { id: 'actions', name: 'Actions', kind: 'change', holder: 'manager', derivedFrom: ['themes'] },
      ],
      channels: [{ id: 'themes-to-ward', from: 'team', to: 'manager', carries: ['themes'], level: 'delivery', status: 'inactive' }],
    }
    const decoded = decodeModel(document)
    if (decoded._tag === 'Left') throw new Error('expected a valid model')
    expect(modelWarnings(decoded.right)).toEqual([expect.objectContaining({ code: 'provenance-unreached', path: '/assets/1/derivedFrom/0' })])
    const active = decodeModel({ ...document, channels: [{ ...document.channels[0], status: 'active' }] })
    if (active._tag === 'Left') throw new Error('expected a valid model')
    expect(modelWarnings(active.right)).toEqual([])
  })
})

describe('declared loops about a source', () => {
  const withLoop = (loop: Record<string, unknown>, change: (document: Document) => void = () => {}) =>
    modelOf((d) => {
      d['assets'].push(
        { id: 'themes', name: 'Themes', kind: 'insight', holder: 'nurses', derivedFrom: ['stories'] },
        { id: 'summary', name: 'Summary', kind: 'experience', holder: 'nurses', derivedFrom: ['themes'] },
      )
      d['loops'] = [{ id: 'heard', name: 'Heard', level: 'delivery', ...loop }]
      change(d)
    })

  it('nothing to say of a loop that starts with its source holder, or that names no source', () => {
    expect(modelWarnings(withLoop({ through: ['patients', 'nurses', 'patients'], source: 'stories' }))).toEqual([])
    expect(modelWarnings(withLoop({ through: ['nurses', 'patients', 'nurses'] }))).toEqual([])
    // Data with an empty provenance is still a source.
    expect(modelWarnings(withLoop({ through: ['patients', 'nurses', 'patients'], source: 'stories' }, (d) => (d['assets'][0]['derivedFrom'] = []))).map((w) => w.code)).toEqual([])
  })

  it('loop-source-not-a-source: an insight, with the source it is made from as a suggestion', () => {
    const warnings = modelWarnings(withLoop({ through: ['patients', 'nurses', 'patients'], source: 'themes', promises: 'did' }))
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([['loop-source-not-a-source', '/loops/0/source']])
    expect(warnings[0]?.message).toBe(
      "Declared loop 'heard' is about asset 'themes', an insight, but a loop follows a source: experience, evidence or data made from nothing. No traced loop is about 'themes', so the diagnosis checks only that the loop's steps have active channels, not its promise or its budget. Did you mean 'stories', which it is made from?",
    )
  })

  it('loop-source-not-a-source: experience made from other assets, and a reply with no provenance', () => {
    const summary = modelWarnings(withLoop({ through: ['patients', 'nurses', 'patients'], source: 'summary' }))
    expect(summary.map((warning) => warning.code)).toEqual(['loop-source-not-a-source'])
    expect(summary[0]?.message).toContain("asset 'summary', an experience made from other assets")
    expect(summary[0]?.message).toMatch(/Did you mean 'stories', which it is made from\?$/)
    const reply = modelWarnings(withLoop({ through: ['nurses', 'patients', 'nurses'], source: 'reply' }))
    expect(reply.map((warning) => warning.code)).toEqual(['loop-source-not-a-source'])
    expect(reply[0]?.message).toMatch(/a response, but .* not its promise or its budget\.$/)
  })

  it("loop-without-source-holder: a loop between staff about patients' stories", () => {
    const warnings = modelWarnings(withLoop({ through: ['nurses', 'manager', 'nurses'], source: 'stories', promises: 'heard' }))
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([['loop-without-source-holder', '/loops/0/through']])
    expect(warnings[0]?.message).toBe(
      "Declared loop 'heard' is about asset 'stories', but its holder 'patients' is not on the loop: nothing on it comes back to the people it came from, and the diagnosis checks only that its steps have active channels, not that 'stories' travels round it or that its promise is kept. Start the loop with 'patients', or leave its source out.",
    )
  })

  it('loop-not-from-source-holder: the holder is on the loop, later', () => {
    const warnings = modelWarnings(withLoop({ through: ['nurses', 'patients', 'nurses'], source: 'stories' }))
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([['loop-not-from-source-holder', '/loops/0/through/0']])
    expect(warnings[0]?.message).toBe(
      "Declared loop 'heard' is about asset 'stories', held by 'patients', but starts with 'nurses': the diagnosis follows 'stories' round a loop, and checks its promise, only from its holder, so here it checks only that the steps have active channels. Start the loop with 'patients': the same steps, from the holder.",
    )
  })
})
