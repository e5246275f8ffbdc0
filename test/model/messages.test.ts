import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import { type ModelError, formatModelErrors } from '../../src/model/errors.js'
import { validDocument } from './fixtures.js'

type Document = Record<string, any>

const errorsOf = (input: unknown): ReadonlyArray<ModelError> => {
  const result = decodeModel(input)
  if (result._tag === 'Right') throw new Error('expected the document to be rejected')
  return result.left
}

const withChange = (change: (document: Document) => void): Document => {
  const document = validDocument() as Document
  change(document)
  return document
}

const messageOf = (change: (document: Document) => void): string | undefined => errorsOf(withChange(change))[0]?.message

describe('messages about a closed vocabulary', () => {
  it('quote the value received, hint at its case and list the allowed values', () => {
    expect(messageOf((d) => (d['actors'][0]['kind'] = 'Patient'))).toBe(
      "Actor 'patients': 'kind' must be one of 'patient', 'carer', 'citizen', 'community-group', 'peer-supporter', 'clinician', " +
        "'manager', 'provider', 'commissioner', 'board', 'regulator', 'intermediary', 'researcher', 'staff', 'forum', but it is 'Patient'. Did you mean 'patient'?",
    )
    expect(messageOf((d) => (d['channels'][0]['status'] = 'Inactve'))).toBe(
      "Channel 'tell': 'status' must be one of 'active', 'inactive', 'planned', but it is 'Inactve'. Did you mean 'inactive'?",
    )
  })

  it('quote a value without a near miss, and say nothing more', () => {
    expect(messageOf((d) => (d['channels'][0]['level'] = 'ward'))).toBe(
      "Channel 'tell': 'level' must be one of 'delivery', 'planning', 'strategy', but it is 'ward'.",
    )
  })

  it('find a near miss despite stray spaces', () => {
    expect(messageOf((d) => (d['actors'][1]['levels'] = ['delivery '])))?.toBe(
      "Actor 'nurses': 'levels[0]' must be one of 'delivery', 'planning', 'strategy', but it is 'delivery '. Did you mean 'delivery'?",
    )
  })

  it('say how to give several values when they were run together in one', () => {
    expect(messageOf((d) => (d['actors'][1]['levels'] = ['delivery,planning'])))?.toBe(
      "Actor 'nurses': 'levels[0]' must be one of 'delivery', 'planning', 'strategy', but it is 'delivery,planning'. " +
        "Give each value as its own item of the list (in a spreadsheet cell, separate them with '|').",
    )
  })

  it('never quote what may be free text (a name typed into the wrong field)', () => {
    for (const name of ['Mrs Jane Example', 'Jane', 'NAME§12', 'O\'Brien']) {
      const message = messageOf((d) => (d['actors'][0]['kind'] = name))
      expect(message).toMatch(/but it is other text\.$/)
      expect(message).not.toContain(name)
    }
  })

  it('quote safely: controls escaped, long values cut', () => {
    expect(messageOf((d) => (d['actors'][0]['perspective'] = 'lay\u202e'))).toContain("but it is 'lay\\u202e'. Did you mean 'lay'?")
    expect(messageOf((d) => (d['actors'][0]['perspective'] = 'x'.repeat(1000)))?.length).toBeLessThan(200)
  })
})

describe('quoted ids', () => {
  it('are cut to 64 characters without splitting a character pair', () => {
    const id = '🏥'.repeat(40)
    const message = messageOf((d) => (d['channels'][0]['from'] = id))
    expect(message).toContain(`'${'🏥'.repeat(30)}...'`)
    expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  })
})

describe('labels agree with paths', () => {
  it('an item without a usable id is named by its path, counted from 0 as the path is', () => {
    const errors = errorsOf(withChange((d) => delete d['actors'][0]['id']))
    expect(formatModelErrors(errors.slice(0, 1))).toBe(
      "/actors/0/id: Actor at /actors/0: 'id' must be a non-empty id, but it is missing. [missing-field]",
    )
    const empty = errorsOf(withChange((d) => (d['loops'][0]['id'] = '')))
    expect(empty[0]?.message).toBe("Declared loop at /loops/0: 'id' must be a non-empty id, but it is empty.")
  })

  it('shape and reference messages name a declared loop the same way', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['loops'][0]['level'] = 'ward'
        d['loops'].push({ id: 'second', name: 'Second', level: 'delivery', through: ['patients', 'ghost', 'patients'] })
      }),
    )
    expect(errors.map((error) => error.message.split(':')[0])).toEqual(["Declared loop 'you-said'", "Declared loop 'second' refers to actor 'ghost', which is not in the model."])
  })
})

describe('a JSON syntax error', () => {
  it('gives its location once when formatted', () => {
    const result = parseModel('{\n  "schema": "orgintel/v2",\n  "actors": [1 2]\n}')
    expect(result._tag === 'Left' && formatModelErrors(result.left)).toBe(
      "(document): The document is not valid JSON: unexpected character '2' at line 3, column 16. [invalid-json]",
    )
  })
})
