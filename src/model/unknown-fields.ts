import * as t from 'io-ts'
import { unwrapCodec } from './codec-words.js'
import { type ModelError, quoteId, toPointer } from './errors.js'
import { closestName } from './suggest.js'

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

/** What the walk needs to know about one codec, worked out once per codec. */
interface CodecShape {
  readonly fields?: ReadonlyMap<string, t.Decoder<unknown, unknown>>
  /** Fields whose values may hold objects (so are walked into): the rest are leaves. */
  readonly nested?: ReadonlyArray<readonly [string, t.Decoder<unknown, unknown>]>
  readonly items?: t.Decoder<unknown, unknown>
}

const mayHoldObjects = (codec: t.Decoder<unknown, unknown>): boolean => {
  for (let current: t.Decoder<unknown, unknown> | undefined = codec; current !== undefined; current = itemCodecOf(current)) {
    if (fieldsOfCodec(current) !== undefined) return true
  }
  return false
}

const shapes = new WeakMap<t.Decoder<unknown, unknown>, CodecShape>()
const shapeOf = (codec: t.Decoder<unknown, unknown>): CodecShape => {
  let shape = shapes.get(codec)
  if (shape === undefined) {
    const fields = fieldsOfCodec(codec)
    const items = itemCodecOf(codec)
    shape = fields !== undefined
      ? { fields, nested: [...fields].filter(([, field]) => mayHoldObjects(field)) }
      : items !== undefined && mayHoldObjects(items) ? { items } : {}
    shapes.set(codec, shape)
  }
  return shape
}

/** Whether a JSON value is an object (not null, not a list). @internal */
export const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** " Did you mean 'status'?" for the known field nearest a misspelt one, else the known fields. */
const suggestField = (key: string, known: ReadonlyMap<string, unknown>): string => {
  const suggestion = closestName(key, known.keys())
  return suggestion === undefined
    ? ` Its fields are ${[...known.keys()].map((field) => `'${field}'`).join(', ')}.`
    : ` Did you mean '${suggestion}'?`
}

/** A list being walked: its items' codec, the list, its path and the next item to look at. */
interface ListCursor {
  readonly items: t.Decoder<unknown, unknown>
  readonly list: ReadonlyArray<unknown>
  readonly path: ReadonlyArray<string | number>
  next: number
}

/**
 * Every field of `value` that `codec` does not define, as `unknown-field` errors with
 * the JSON Pointer of the field and, where a known field is close, a "did you mean".
 * Follows the codecs (a few levels deep) and only the parts of the value they describe,
 * with an explicit stack of list cursors, so a deeply nested value costs nothing extra
 * and a list of a million items allocates nothing per item that has no fault. At most
 * `limit` errors get a message; the rest are counted in `more`. `subjectOf` names the
 * object a field lies in ("Channel 'c4'") from the path of the object.
 * O(fields of the value).
 * @internal
 */
export const unknownFieldErrors = (
  codec: t.Decoder<unknown, unknown>,
  value: unknown,
  limit: number,
  subjectOf: (segments: ReadonlyArray<string>) => string,
): { readonly errors: ReadonlyArray<ModelError>; readonly more: number } => {
  const errors: ModelError[] = []
  let more = 0
  const stack: ListCursor[] = []
  /** Look at one value whose path is `parent` and then `last` (if given); push the lists it holds. */
  const visit = (type: t.Decoder<unknown, unknown>, item: unknown, parent: ReadonlyArray<string | number>, last?: number): void => {
    const shape = shapeOf(type)
    const pathOf = (): ReadonlyArray<string | number> => (last === undefined ? parent : [...parent, last])
    if (shape.fields !== undefined && isPlainObject(item)) {
      const fields = shape.fields
      for (const key of Object.keys(item)) {
        if (fields.has(key)) continue
        if (errors.length >= limit) {
          more++
          continue
        }
        const path = pathOf()
        errors.push({
          code: 'unknown-field',
          path: toPointer([...path, key]),
          message: `${subjectOf(path.map(String))} has a field ${quoteId(key)} that the format does not define.${suggestField(key, fields)}`,
        })
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
  return { errors, more }
}
