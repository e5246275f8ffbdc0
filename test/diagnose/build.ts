import * as E from 'fp-ts/lib/Either.js'
import { decodeModel } from '../../src/model/decode.js'
import type { Model } from '../../src/model/codecs.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import type { Defect } from '../../src/diagnose/types.js'

type Level = 'delivery' | 'planning' | 'strategy'

/** A compact model spec for tests: `[id, kind, levels?]`, `[id, kind, holder, acknowledged?]`, `[id, from, to, carries, extras?]`. */
export interface ModelSpec {
  readonly actors: ReadonlyArray<readonly [string, string, ReadonlyArray<Level>?, Record<string, unknown>?]>
  readonly assets?: ReadonlyArray<readonly [string, string, string, boolean?, Record<string, unknown>?]>
  readonly channels?: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>, Record<string, unknown>?]>
  readonly loops?: ReadonlyArray<Record<string, unknown>>
}

/** Build a decoded model from a spec; channels default to delivery level with polarity `+`. */
export const buildModel = (spec: ModelSpec): Model => {
  const document = {
    schema: 'orgintel/v2',
    id: 'test',
    name: 'Test organisation',
    actors: spec.actors.map(([id, kind, levels, extras]) => ({ id, name: `Name of ${id}`, kind, levels: levels ?? ['delivery'], ...extras })),
    assets: (spec.assets ?? []).map(([id, kind, holder, acknowledged, extras]) => ({
      id,
      name: `Name of ${id}`,
      kind,
      holder,
      ...(acknowledged === undefined ? {} : { acknowledged }),
      ...extras,
    })),
    channels: (spec.channels ?? []).map(([id, from, to, carries, extras]) => ({
      id,
      from,
      to,
      carries,
      level: 'delivery',
      polarity: '+',
      ...extras,
    })),
    loops: spec.loops ?? [],
  }
  const decoded = decodeModel(document)
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/** The defects one rule reports on a model (all other rules on). */
export const defectsOf = (model: Model, rule: string): ReadonlyArray<Defect> =>
  diagnose(model).defects.filter((defect) => defect.rule === rule)
