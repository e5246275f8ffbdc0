import { readFileSync } from 'node:fs'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import type { Model } from '../../src/model/codecs.js'

/** Decode a model or fail the test with its errors. */
export const modelOf = (input: unknown): Model => {
  const decoded = decodeModel(input)
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/** A bundled example model, by file name without `.json`. */
export const exampleModel = (name: string): Model => {
  const parsed = parseModel(readFileSync(new URL(`../../examples/models/${name}.json`, import.meta.url), 'utf8'))
  if (parsed._tag === 'Left') throw new Error(JSON.stringify(parsed.left))
  return parsed.right
}

/** The ward example model. */
export const wardModel = (): Model => exampleModel('ward-you-said-we-did')

interface ChannelSpec {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly carries: ReadonlyArray<string>
  readonly latencyDays?: number
  readonly reliability?: number
  readonly status?: string
}

/**
 * A patient raises a story to a manager who holds a reply, a decision and a change
 * (so the manager can reply, decide and act); `channels` join them.
 * Ids may be given to test hostile ones such as `__proto__`.
 */
export const patientAndManager = (
  channels: ReadonlyArray<ChannelSpec>,
  ids: { readonly patient: string; readonly manager: string } = { patient: 'patient', manager: 'manager' },
): Model =>
  modelOf({
    schema: 'orgintel/v2',
    id: 'two',
    name: 'Two actors',
    actors: [
      { id: ids.patient, name: 'P', kind: 'patient', levels: ['delivery'] },
      { id: ids.manager, name: 'M', kind: 'manager', levels: ['delivery'] },
    ],
    assets: [
      { id: 'story', name: 'Story', kind: 'experience', holder: ids.patient },
      { id: 'reply', name: 'Reply', kind: 'response', holder: ids.manager },
      { id: 'agreed', name: 'What was agreed', kind: 'decision', holder: ids.manager },
      { id: 'fix', name: 'What was done', kind: 'change', holder: ids.manager },
    ],
    channels: channels.map((channel) => ({ level: 'delivery', ...channel })),
  })
