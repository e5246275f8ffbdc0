/** JSON Pointer (RFC 6901) helpers for checking error paths against the input. */

export const toPointer = (segments: ReadonlyArray<string | number>): string =>
  segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')

/** The segments of a pointer, or `undefined` when it is not a well-formed pointer. */
export const parsePointer = (pointer: string): string[] | undefined => {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return undefined
  const segments = pointer.slice(1).split('/')
  if (segments.some((segment) => /~(?![01])/.test(segment))) return undefined
  return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const isIndex = (segment: string, length: number): boolean =>
  /^(0|[1-9]\d*)$/.test(segment) && Number(segment) < length

/** Follow one segment; `found: false` when it does not exist. Own properties only. */
const step = (value: unknown, segment: string): { found: boolean; value?: unknown } => {
  if (Array.isArray(value)) return isIndex(segment, value.length) ? { found: true, value: value[Number(segment)] } : { found: false }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, segment)) {
    return { found: true, value: (value as Record<string, unknown>)[segment] }
  }
  return { found: false }
}

/** The value at `pointer` in `root`, iteratively. */
export const resolvePointer = (root: unknown, pointer: string): { found: boolean; value?: unknown } => {
  const segments = parsePointer(pointer)
  if (segments === undefined) return { found: false }
  let current: { found: boolean; value?: unknown } = { found: true, value: root }
  for (const segment of segments) {
    current = step(current.value, segment)
    if (!current.found) return current
  }
  return current
}

/**
 * Whether an error path points into the input: it resolves, or, for a missing field,
 * its parent is an object or array that lacks the field (or holds `undefined` there).
 */
export const pathPointsIntoInput = (root: unknown, pointer: string, code: string): boolean => {
  const resolved = resolvePointer(root, pointer)
  if (code !== 'missing-field') return resolved.found
  if (resolved.found && resolved.value !== undefined) return false
  const segments = parsePointer(pointer)
  if (segments === undefined) return false
  // The whole input missing (`decodeModel(undefined)`).
  if (segments.length === 0) return root === undefined
  const parent = resolvePointer(root, toPointer(segments.slice(0, -1)))
  // An object without the field, or an array with a hole or `undefined` there.
  return parent.found && typeof parent.value === 'object' && parent.value !== null
}
