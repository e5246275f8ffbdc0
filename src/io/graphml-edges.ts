import type { InteropError } from './errors.js'

/**
 * A source of fresh ids: each call gives `base`, or else the first of `base-2`,
 * `base-3`, ... that is not in `taken`, and adds it there. It counts on from the last
 * suffix it gave for a base, so n ids from one base take O(n) time, not O(n²) (20,000
 * undirected edges sharing one id took 40 s). @internal
 */
export const freshIds = (taken: Set<string>): ((base: string) => string) => {
  const next = new Map<string, number>()
  return (base) => {
    let id = base
    let suffix = next.get(base) ?? 2
    if (taken.has(id)) {
      do id = `${base}-${suffix++}`
      while (taken.has(id))
      next.set(base, suffix)
    }
    taken.add(id)
    return id
  }
}

/**
 * Point errors in a reverse channel at the edge it comes from (`from` and `to` swapped
 * back), dropping any that then repeat an error already listed. @internal
 */
export const pointAtEdges = (errors: ReadonlyArray<InteropError>, edgeCount: number, reverseOf: ReadonlyArray<number>): ReadonlyArray<InteropError> => {
  const seen = new Set<string>()
  const result: InteropError[] = []
  for (const error of errors) {
    const match = /^\/channels\/(\d+)(\/.*)?$/.exec(error.path)
    let path = error.path
    if (match !== null && Number(match[1]) >= edgeCount) {
      const rest = match[2] === '/from' ? '/to' : match[2] === '/to' ? '/from' : (match[2] ?? '')
      path = `/channels/${reverseOf[Number(match[1]) - edgeCount]}${rest}`
    }
    const key = `${error.code}\u0000${path}`
    if (path !== error.path && seen.has(key)) continue
    seen.add(key)
    result.push(path === error.path ? error : { ...error, path })
  }
  return result
}
