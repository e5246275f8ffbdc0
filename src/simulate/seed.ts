/**
 * JSON text of a value with object keys sorted at every depth, so that two equal
 * values always give the same text (whatever order their keys were written in).
 * `undefined` properties are left out, as `JSON.stringify` does. Iterative, so deep
 * values cannot overflow the stack. O(n log n) in the size of the value.
 * @category Experiments
 */
export const canonicalJson = (value: unknown): string => {
  const parts: string[] = []
  // Each frame is either a value still to write or a literal piece of text.
  const stack: Array<{ readonly text: string } | { readonly value: unknown }> = [{ value }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if ('text' in frame) {
      parts.push(frame.text)
      continue
    }
    const current = frame.value
    if (Array.isArray(current)) {
      const pending: Array<{ readonly text: string } | { readonly value: unknown }> = [{ text: '[' }]
      current.forEach((item, index) => {
        if (index > 0) pending.push({ text: ',' })
        pending.push({ value: item === undefined ? null : item })
      })
      pending.push({ text: ']' })
      for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!)
    } else if (typeof current === 'object' && current !== null) {
      const record = current as Readonly<Record<string, unknown>>
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
      const pending: Array<{ readonly text: string } | { readonly value: unknown }> = [{ text: '{' }]
      keys.forEach((key, index) => {
        pending.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` })
        pending.push({ value: record[key] })
      })
      pending.push({ text: '}' })
      for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!)
    } else {
      parts.push(JSON.stringify(current) ?? 'null')
    }
  }
  return parts.join('')
}

/**
 * A 53-bit hash of a text (cyrb53, public domain): two 32-bit FNV-like lanes mixed
 * with MurmurHash3's finaliser. Not cryptographic; used to spread seeds. O(length).
 * @category Experiments
 */
export const hashText = (text: string, seed = 0): number => {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * The seed of one run of an experiment: a hash of the experiment seed and the
 * canonical JSON of the run's parameters and replicate number. It never depends on the
 * run's position, so adding a parameter value or a shard leaves other runs' seeds (and
 * results) unchanged. Returns a non-negative safe integer.
 * @category Experiments
 */
export const deriveRunSeed = (experimentSeed: number, parameters: unknown, replicate: number): number =>
  hashText(canonicalJson({ parameters, replicate, seed: experimentSeed }))
