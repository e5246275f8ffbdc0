import { decodeModel } from '../../src/model/decode.js'
import type { ModelError } from '../../src/model/errors.js'
import fc from 'fast-check'

/** Small documents shared by the model tests. Each call returns a fresh copy. */

/** A small valid `orgintel/v2` document (plain JSON data, defaults left out). */
export const validDocument = (): Record<string, unknown> => ({
  schema: 'orgintel/v2',
  id: 'small',
  name: 'Small clinic',
  actors: [
    { id: 'patients', name: 'Patients', kind: 'patient', levels: ['delivery'] },
    { id: 'nurses', name: 'Nurses', kind: 'clinician', levels: ['delivery'] },
    { id: 'manager', name: 'Manager', kind: 'manager', levels: ['delivery', 'planning'], perspective: 'lay' },
  ],
  assets: [
    { id: 'stories', name: 'Stories', kind: 'experience', holder: 'patients' },
    { id: 'reply', name: 'Reply', kind: 'response', holder: 'nurses', acknowledged: false },
  ],
  channels: [
    { id: 'tell', from: 'patients', to: 'nurses', carries: ['stories'], level: 'delivery', latencyDays: 1, reliability: 0.9, polarity: '+' },
    { id: 'escalate', from: 'nurses', to: 'manager', carries: ['stories'], level: 'delivery', status: 'planned' },
    { id: 'answer', from: 'nurses', to: 'patients', carries: ['reply'], level: 'delivery' },
  ],
  loops: [{ id: 'you-said', name: 'You said', level: 'delivery', through: ['patients', 'nurses', 'patients'], maxLatencyDays: 14 }],
})

/**
 * Resolve a JSON Pointer (RFC 6901) against a JSON value. Own properties only, so
 * `__proto__` and `constructor` resolve only when the document has them.
 */
export const resolvePointer = (root: unknown, pointer: string): { found: boolean; value?: unknown } => {
  if (pointer === '') return { found: true, value: root }
  if (!pointer.startsWith('/')) return { found: false }
  let current: unknown = root
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) return { found: false }
      current = current[Number(segment)]
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment]
    } else {
      return { found: false }
    }
  }
  return { found: true, value: current }
}

/** The pointer of the parent of `pointer` and its last segment. */
export const parentOf = (pointer: string): { parent: string; key: string } => {
  const cut = pointer.lastIndexOf('/')
  return { parent: pointer.slice(0, cut), key: pointer.slice(cut + 1).replace(/~1/g, '/').replace(/~0/g, '~') }
}

/** A pointer to every value in a JSON document, found iteratively. */
const pointersOf = (root: unknown): ReadonlyArray<ReadonlyArray<string | number>> => {
  const found: Array<ReadonlyArray<string | number>> = []
  const stack: Array<{ value: unknown; path: ReadonlyArray<string | number> }> = [{ value: root, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    found.push(path)
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }))
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] })
    }
  }
  return found
}

const validPointers = pointersOf(validDocument()).filter((path) => path.length > 0)

/** Values near the edges of what the codecs accept. */
const interestingValues: ReadonlyArray<unknown> = [
  '', 'x', 'delivery', 'planning', 'patient', 'lay', 'plan', 'inactive', '+', '-', 'orgintel/v2', 'orgintel/v1',
  -1, 0, 0.5, 1, 1.5, 2, 3.5, [], ['delivery'], ['patients'], ['stories'], [''], true, false, null, {}, { id: 'x' },
  'mixed', 'forum', 'experiment', 'did', 'Patient', 'a\u0000', 'b\ufffe', 'c\uffff', '\ud800', 'x\udc00', '🏥', 'tab\t',
  ['a\u0001'], ['\ud83c'], ['stories', 'reply'],
]

/** Keys to add: fields of some object in the format (so right in some places) and misspellings. */
const extraKeys: ReadonlyArray<string> = [
  'status', 'Status', 'reliabilty', 'derivedFrom', 'represents', 'source', 'promises', 'description', 'tags', 'notes', '__proto__', 'a/b~c',
]

/** Objects of a valid document (as pointers), where a field can be added. */
const objectPointers = validPointers.filter((path) => {
  const last = path[path.length - 1]
  return typeof last === 'number' && ['actors', 'assets', 'channels', 'loops'].includes(String(path[0])) && path.length === 2
})

/** A fresh valid document with one field added to the root or to one item (an own property, even `__proto__`). */
export const documentWithExtraField = fc
  .record({
    target: fc.constantFrom<ReadonlyArray<string | number>>([], ...objectPointers),
    key: fc.constantFrom(...extraKeys),
    value: fc.constantFrom(...interestingValues),
  })
  .map(({ target, key, value }) => {
    const document: unknown = validDocument()
    let owner = document as Record<string | number, unknown>
    for (const segment of target) owner = owner[segment] as Record<string | number, unknown>
    Object.defineProperty(owner, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true })
    return document
  })

/** Replace or delete the value at one place in a fresh valid document. */
export const mutatedDocument = fc
  .record({
    target: fc.constantFrom(...validPointers),
    replacement: fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...interestingValues)), {
      nil: undefined,
    }),
  })
  .map(({ target, replacement }) => {
    const document: unknown = validDocument()
    let owner = document as Record<string | number, unknown>
    for (const segment of target.slice(0, -1)) owner = owner[segment] as Record<string | number, unknown>
    const last = target[target.length - 1]!
    if (replacement === undefined && !Array.isArray(owner)) delete owner[last]
    else owner[last] = replacement ?? null
    return document
  })

/** A document of the test's own making, as loose JSON. */
export type Document = Record<string, any>

/** The errors decoding gives; fails the test when the document decodes. */
export const errorsOf = (input: unknown): ReadonlyArray<ModelError> => {
  const result = decodeModel(input)
  if (result._tag === 'Right') throw new Error('expected the document to be rejected')
  return result.left
}

/** The valid document with one change made to it. */
export const withChange = (change: (document: Document) => void): Document => {
  const document = validDocument() as Document
  change(document)
  return document
}

/** Each error as [code, path]. */
export const codesAndPaths = (errors: ReadonlyArray<ModelError>) => errors.map((error) => [error.code, error.path])
