import * as t from 'io-ts'
import { unwrapCodec } from './codec-words.js'
import { type ModelError, quoteId, toPointer } from './errors.js'
import { suggestName } from './suggest.js'

/** The fields of an object codec, by name, or `undefined` for a codec of anything else. */
const fieldsOfCodec = (codec: t.Decoder<unknown, unknown>): ReadonlyMap<string, t.Decoder<unknown, unknown>> | undefined => {
  const fields = new Map<string, t.Decoder<unknown, unknown>>()
  const pending: Array<t.Decoder<unknown, unknown>> = [codec]
  let isObject = false
  while (pending.length > 0) {
    const current = unwrapCodec(pending.pop()!)
    // Members in reverse, so that fields come out in the order the codec lists them.
    if (current instanceof t.IntersectionType) pending.push(...[...(current.types as ReadonlyArray<t.Decoder<unknown, unknown>>)].reverse())
    else if (current instanceof t.InterfaceType || current instanceof t.PartialType) {
      isObject = true
      for (const [key, field] of Object.entries(current.props as t.Props)) fields.set(key, field)
    }
  }
  return isObject ? fields : undefined
}

/** The item codec of an array codec, or `undefined`. */
const itemCodecOf = (codec: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> | undefined => {
  const inner = unwrapCodec(codec)
  return inner instanceof t.ReadonlyArrayType || inner instanceof t.ArrayType ? (inner.type as t.Decoder<unknown, unknown>) : undefined
}

/** The member codecs of a union codec, or `undefined`. */
const membersOf = (codec: t.Decoder<unknown, unknown>): ReadonlyArray<t.Type<unknown>> | undefined => {
  const inner = unwrapCodec(codec)
  return inner instanceof t.UnionType ? (inner.types as ReadonlyArray<t.Type<unknown>>) : undefined
}

/** What the walk needs to know about one codec, worked out once per codec. */
interface CodecShape {
  readonly fields?: ReadonlyMap<string, t.Decoder<unknown, unknown>>
  /** Fields whose values may hold objects (so are walked into): the rest are leaves. */
  readonly nested?: ReadonlyArray<readonly [string, t.Decoder<unknown, unknown>]>
  readonly items?: t.Decoder<unknown, unknown>
  /** A union's members: a value is walked as the first member it is. */
  readonly members?: ReadonlyArray<t.Type<unknown>>
}

const mayHoldObjects = (codec: t.Decoder<unknown, unknown>): boolean => {
  for (let current: t.Decoder<unknown, unknown> | undefined = codec; current !== undefined; current = itemCodecOf(current)) {
    if (fieldsOfCodec(current) !== undefined) return true
    if (membersOf(current)?.some(mayHoldObjects) === true) return true
  }
  return false
}

const shapes = new WeakMap<t.Decoder<unknown, unknown>, CodecShape>()
const shapeOf = (codec: t.Decoder<unknown, unknown>): CodecShape => {
  let shape = shapes.get(codec)
  if (shape === undefined) {
    const fields = fieldsOfCodec(codec)
    const items = itemCodecOf(codec)
    const members = membersOf(codec)
    shape = fields !== undefined
      ? { fields, nested: [...fields].filter(([, field]) => mayHoldObjects(field)) }
      : items !== undefined && mayHoldObjects(items) ? { items }
      : members !== undefined && members.some(mayHoldObjects) ? { members } : {}
    shapes.set(codec, shape)
  }
  return shape
}

/** Whether a JSON value is an object (not null, not a list). @internal */
export const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A list being walked: its items' codec, the list, its path and the next item to look at. */
interface ListCursor {
  readonly items: t.Decoder<unknown, unknown>
  readonly list: ReadonlyArray<unknown>
  readonly path: ReadonlyArray<string | number>
  next: number
}

/** A field that a codec does not define: the path of the object it lies in, its key, and the fields the object may have. @internal */
export interface UnknownKey {
  readonly path: ReadonlyArray<string | number>
  readonly key: string
  readonly fields: ReadonlyMap<string, t.Decoder<unknown, unknown>>
}

/**
 * Every field of `value` that `codec` does not define, each made into what the caller
 * reports by `describe`, in document order. Follows the codecs (a few levels deep;
 * through lists, and for a union the first member the value is) and only the parts of
 * the value they describe, with an explicit stack of list cursors, so a deeply nested
 * value costs nothing extra and a list of a million items allocates nothing per item
 * that has no fault. Records and `unknown` fields are not looked into. At most `limit`
 * are described; the rest are counted in `more`. O(fields of the value).
 * @internal
 */
export const findUnknownFields = <T>(
  codec: t.Decoder<unknown, unknown>,
  value: unknown,
  limit: number,
  describe: (found: UnknownKey) => T,
): { readonly found: ReadonlyArray<T>; readonly more: number } => {
  const found: T[] = []
  let more = 0
  const stack: ListCursor[] = []
  /** Look at one value whose path is `parent` and then `last` (if given); push the lists it holds. */
  const visit = (type: t.Decoder<unknown, unknown>, item: unknown, parent: ReadonlyArray<string | number>, last?: number): void => {
    const shape = shapeOf(type)
    const pathOf = (): ReadonlyArray<string | number> => (last === undefined ? parent : [...parent, last])
    if (shape.members !== undefined) {
      const member = shape.members.find((candidate) => candidate.is(item))
      if (member !== undefined) visit(member, item, parent, last)
    } else if (shape.fields !== undefined && isPlainObject(item)) {
      const fields = shape.fields
      for (const key of Object.keys(item)) {
        if (fields.has(key)) continue
        if (found.length >= limit) {
          more++
          continue
        }
        found.push(describe({ path: pathOf(), key, fields }))
      }
      const lists: ListCursor[] = []
      for (const [key, field] of shape.nested!) {
        if (!Object.hasOwn(item, key)) continue
        const items = shapeOf(field).items
        const child = item[key]
        if (items === undefined) visit(field, child, [...pathOf(), key])
        else if (Array.isArray(child)) lists.push({ items, list: child, path: [...pathOf(), key], next: 0 })
      }
      // Pushed in reverse, so that the stack yields the lists in document order.
      for (let n = lists.length - 1; n >= 0; n--) stack.push(lists[n]!)
    } else if (shape.items !== undefined && Array.isArray(item)) {
      stack.push({ items: shape.items, list: item, path: pathOf(), next: 0 })
    }
  }
  visit(codec, value, [])
  while (stack.length > 0) {
    const cursor = stack[stack.length - 1]!
    if (cursor.next >= cursor.list.length) {
      stack.pop()
      continue
    }
    const index = cursor.next++
    visit(cursor.items, cursor.list[index], cursor.path, index)
  }
  return { found, more }
}

/**
 * Every field of a model document that its codec does not define, as `unknown-field`
 * errors with the JSON Pointer of the field and, where a known field is close, a "did
 * you mean" (else the known fields). `subjectOf` names the object a field lies in
 * ("Channel 'c4'") from the path of the object. At most `limit` errors get a message;
 * the rest are counted in `more`. O(fields of the value).
 * @internal
 */
export const unknownFieldErrors = (
  codec: t.Decoder<unknown, unknown>,
  value: unknown,
  limit: number,
  subjectOf: (segments: ReadonlyArray<string>) => string,
): { readonly errors: ReadonlyArray<ModelError>; readonly more: number } => {
  const { found, more } = findUnknownFields(codec, value, limit, ({ path, key, fields }): ModelError => ({
    code: 'unknown-field',
    path: toPointer([...path, key]),
    message: `${subjectOf(path.map(String))} has a field ${quoteId(key)} that the format does not define.${suggestName(key, fields.keys(), 'Its fields are')}`,
  }))
  return { errors: found, more }
}
