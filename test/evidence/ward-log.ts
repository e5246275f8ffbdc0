import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { decodeStageMapping, type ResolvedMapping } from '../../src/evidence/mapping.js'
import type { Model } from '../../src/model/codecs.js'
import { parseModel } from '../../src/model/decode.js'

/** The Ward 7 model, with the declared "you said, we did" loop promising `did`. */
export const wardModel = (): Model => {
  const text = readFileSync(new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url), 'utf8')
  const parsed = parseModel(text)
  if (E.isLeft(parsed)) throw new Error('the ward model does not decode')
  const model = parsed.right
  return { ...model, loops: model.loops.map((loop) => (loop.id === 'you-said-we-did' ? { ...loop, promises: 'did' as const } : loop)) }
}

export const wardMappingInput = {
  stages: {
    raised: ['Story posted', 'Concern raised'],
    received: ['Alert sent', 'Concern passed'],
    themed: ['Themed'],
    decided: ['Action agreed'],
    changed: ['Practice changed'],
    replied: ['Reply published', 'PALS letter'],
    seen: ['Reply read'],
  },
  ignore: ['Story moderated'],
  actors: {
    'Ward 7 patient': 'ward-7-patients',
    Platform: 'story-platform',
    Manager: 'ward-manager',
    Team: 'ward-team',
    PALS: 'pals',
    Carer: 'carers',
  },
  sources: { 'Story posted': 'patient-stories', 'Concern raised': 'carer-concerns' },
}

export const wardMapping = (model: Model = wardModel()): ResolvedMapping => {
  const decoded = decodeStageMapping(wardMappingInput, model)
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/**
 * A hand-made log: seven items (S1 to S6, S9) and one row of each kind of bad input.
 * Row numbers count records from the header (row 1); S1's story spans two lines.
 * Day 0 is 2026-01-01; the log ends on day 20.
 */
export const wardLog = [
  'case id,activity,timestamp,resource,story', // 1
  'S1,Story posted,2026-01-01,Ward 7 patient,"The night staff were kind, but the call bell\nwent unanswered"', // 2
  'S1,Alert sent,2026-01-01T00:00,Platform,', // 3
  'S2,Story posted,2026-01-02,Ward 7 patient,', // 4
  'S2,Alert sent,2026-01-02,Platform,', // 5
  'S2,Alert sent,2026-01-02,Platform,', // 6: duplicate
  'S1,Action agreed,2026-01-03,Manager,', // 7
  'S2,Themed,2026-01-03,Volunteer,', // 8: unknown resource (the stage still counts)
  'S3,Story posted,2026-01-03,Ward 7 patient,', // 9
  'S3,Alert sent,2026-01-03,Platform,', // 10
  'S4,Story posted,2026-01-04,Ward 7 patient,', // 11
  'S4,Alert sent,2026-01-04,Platform,', // 12
  'S1,Practice changed,2026-01-05,Team,', // 13
  'S2,Reply published,2026-01-05,Manager,', // 14
  'S1,Reply published,2026-01-06,Manager,', // 15
  'S1,Alert sent,2025-12-27,Platform,', // 16: time backwards
  'S5,Concern raised,2026-01-01,Carer,', // 17
  'S5,Concern passed,2026-01-02,PALS,', // 18
  'S5,Concern passed,2026-01-03,Manager,', // 19
  'S6,Concern raised,2026-01-06,Carer,', // 20
  'S6,PALS letter,2026-01-09,PALS,', // 21
  'S3,Action agreed,2026-01-11,Manager,', // 22
  'S3,Reply published,2026-01-13,Manager,', // 23
  'S7,Liked,2026-01-13,Ward 7 patient,', // 24: unknown activity
  'S8,Alert sent,2026-01-14,Platform,', // 25: item with no raise
  'S3,Story moderated,2026-01-14,Platform,', // 26: ignored
  'S4,Reply published,yesterday,Manager,', // 27: bad timestamp
  ',Reply published,2026-01-15,Manager,', // 28: no case id
  'S9,Story posted,2026-01-21,Ward 7 patient,', // 29
].join('\r\n')
