import * as E from 'fp-ts/lib/Either.js'
import { decodeModel } from '../../../src/model/decode.js'
import type { Model } from '../../../src/model/codecs.js'

/**
 * A compact model for traced-loop rule tests: actors `[id, kind, perspective?]` at
 * delivery level, assets `[id, kind, holder, derivedFrom?]`, channels
 * `[id, from, to, carries, extras?]` (active, delivery, polarity `+` unless extras say).
 */
export interface TracedSpec {
  readonly actors: ReadonlyArray<readonly [string, string, string?]>
  readonly assets: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>?]>
  readonly channels: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>, Record<string, unknown>?]>
  readonly loops?: ReadonlyArray<Record<string, unknown>>
}

export const tracedModel = (spec: TracedSpec): Model => {
  const decoded = decodeModel({
    schema: 'orgintel/v2',
    id: 'traced',
    name: 'Traced test organisation',
    actors: spec.actors.map(([id, kind, perspective]) => ({ id, name: `Name of ${id}`, kind, levels: ['delivery'], ...(perspective === undefined ? {} : { perspective }) })),
    assets: spec.assets.map(([id, kind, holder, derivedFrom]) => ({ id, name: `Name of ${id}`, kind, holder, ...(derivedFrom === undefined ? {} : { derivedFrom }) })),
    channels: spec.channels.map(([id, from, to, carries, extras]) => ({ id, from, to, carries, level: 'delivery', polarity: '+', ...extras })),
    loops: spec.loops ?? [],
  })
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/**
 * Patients tell the experience team, which makes a themes report; the ward manager acts
 * on it and a "you said, we did" board answers. `inactive` lists channels to switch off.
 */
export const wardSpec = (inactive: ReadonlyArray<string> = [], extraLoops: ReadonlyArray<Record<string, unknown>> = []): TracedSpec => ({
  actors: [['patients', 'patient'], ['team', 'staff'], ['manager', 'manager']],
  assets: [
    ['comments', 'experience', 'patients'],
    ['themes', 'insight', 'team', ['comments']],
    ['actions', 'change', 'manager', ['themes']],
    ['board', 'response', 'manager', ['actions']],
  ],
  channels: [
    ['comment-box', 'patients', 'team', ['comments'], { latencyDays: 7 }],
    ['themes-to-ward', 'team', 'manager', ['themes'], { latencyDays: 30 }],
    ['ysywd-board', 'manager', 'patients', ['board'], { latencyDays: 14 }],
  ].map(([id, from, to, carries, extras]) =>
    [id, from, to, carries, inactive.includes(id as string) ? { ...(extras as object), status: 'inactive' } : extras] as const,
  ) as TracedSpec['channels'],
  loops: extraLoops,
})
