import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../../../src/model/codecs.js'
import { decodeModel } from '../../../src/model/decode.js'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Defect } from '../../../src/diagnose/types.js'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'

type Level = 'delivery' | 'planning' | 'strategy'

/**
 * A compact v2 model for the voice and learning rules' tests: actors `[id, kind, levels?,
 * perspective?]`, assets `[id, kind, holder, derivedFrom?, acknowledged?]` (omit
 * `derivedFrom` to let provenance be inferred), channels `[id, from, to, carries, extras?]`
 * (delivery level, polarity `+`).
 */
export interface VoiceSpec {
  readonly actors: ReadonlyArray<readonly [string, string, ReadonlyArray<Level>?, string?]>
  readonly assets?: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>?, boolean?]>
  readonly channels?: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>, Record<string, unknown>?]>
}

export const voiceModel = (spec: VoiceSpec): Model => {
  const decoded = decodeModel({
    schema: 'orgintel/v2',
    id: 'test',
    name: 'Test organisation',
    actors: spec.actors.map(([id, kind, levels, perspective]) => ({
      id,
      name: `Name of ${id}`,
      kind,
      levels: levels ?? ['delivery'],
      ...(perspective === undefined ? {} : { perspective }),
    })),
    assets: (spec.assets ?? []).map(([id, kind, holder, derivedFrom, acknowledged]) => ({
      id,
      name: `Name of ${id}`,
      kind,
      holder,
      ...(derivedFrom === undefined ? {} : { derivedFrom }),
      ...(acknowledged === undefined ? {} : { acknowledged }),
    })),
    channels: (spec.channels ?? []).map(([id, from, to, carries, extras]) => ({ id, from, to, carries, level: 'delivery', polarity: '+', ...extras })),
    loops: [],
  })
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/** What one rule reports on a model, every rule on. */
export const findingsOf = (model: Model, rule: string): ReadonlyArray<Defect> => diagnose(model).defects.filter((defect) => defect.rule === rule)

/** The model with every repair one rule proposes applied. */
export const repairedBy = (model: Model, rule: string): Model => applyRepairs(model, findingsOf(model, rule).flatMap((defect) => defect.repair ?? []))
