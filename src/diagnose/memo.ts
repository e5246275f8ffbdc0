/** A value computed on first use and kept. @internal */
export const memo = <T>(compute: () => T): (() => T) => {
  let cached: { value: T } | undefined
  return () => (cached ??= { value: compute() }).value
}

/** Values computed on first use per key and kept (undefined results too). @internal */
export const memoByKey = <K, T>(compute: (key: K) => T): ((key: K) => T) => {
  const cache = new Map<K, T>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined && !cache.has(key)) {
      value = compute(key)
      cache.set(key, value)
    }
    return value as T
  }
}

