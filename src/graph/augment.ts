import type { ActorAdjacency } from './adjacency.js'
import { type ComponentIndex } from './components.js'
import { componentDegrees, condensationArcs } from './condensation.js'

/**
 * The part a component plays in the condensation: `source` (nothing enters), `sink`
 * (nothing leaves), `isolated` (neither), `inner` (both).
 * @category Repairs
 */
export type ComponentRole = 'source' | 'sink' | 'isolated' | 'inner'

/**
 * Arcs between components (component numbers of `components`) whose addition makes the
 * graph strongly connected, and the role of each component before they are added.
 * @category Repairs
 */
export interface Augmentation {
  readonly arcs: ReadonlyArray<readonly [from: number, to: number]>
  readonly roleOf: (component: number) => ComponentRole
}

/**
 * A minimum strong-connectivity augmentation (Eswaran & Tarjan 1976, "Augmentation
 * problems"): with `s` sources, `t` sinks and `q` isolated components in the
 * condensation (more than one component), exactly `max(s, t) + q` arcs. With
 * `isolated: false` the isolated components are left as they are: `max(s, t)` arcs
 * then join the other components into one, the fewest after which every arc of the
 * graph lies on a cycle (each source needs an arc in and each sink an arc out). Their
 * construction: a search from each source, in turn, over unmarked components, pairs it
 * with the first unmarked sink it finds; matched pairs are chained sink-to-next-source,
 * unmatched sinks feed unmatched sources, and the leftover sinks and the isolated
 * components close one cycle back to the first source. When `s > t` the same is done on
 * the reversed condensation. Components are taken in order of their first actor.
 * Iterative; O(V + E) time and memory.
 * @category Repairs
 */
export const augmentStrongConnectivity = (
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  options: { readonly isolated: boolean } = { isolated: true },
): Augmentation => {
  const count = components.count
  const degrees = componentDegrees(adjacency, components)
  const { indegree, outdegree } = degrees
  const roleOf = (c: number): ComponentRole =>
    indegree[c] === 0 ? (outdegree[c] === 0 ? 'isolated' : 'source') : outdegree[c] === 0 ? 'sink' : 'inner'
  if (count <= 1) return { arcs: [], roleOf }

  const seen = new Uint8Array(count)
  const sources: number[] = []
  const sinks: number[] = []
  const isolated: number[] = []
  for (let v = 0; v < adjacency.actorCount; v++) {
    const c = components.componentOf[v]!
    if (seen[c] === 1) continue
    seen[c] = 1
    const role = roleOf(c)
    if (role === 'source') sources.push(c)
    else if (role === 'sink') sinks.push(c)
    else if (role === 'isolated' && options.isolated) isolated.push(c)
  }
  const reversed = sources.length > sinks.length
  const work = condensationArcs(adjacency, components, degrees, reversed)
  const starts = reversed ? sinks : sources
  const ends = reversed ? sources : sinks
  const isEnd = (c: number): boolean => (reversed ? indegree[c] === 0 : outdegree[c] === 0)

  // Eswaran–Tarjan search: marks persist across searches, so O(V + E) in total.
  const marked = new Uint8Array(count)
  const cursor = new Int32Array(count)
  const stack = new Int32Array(count)
  const matchedStarts: number[] = []
  const matchedEnds: number[] = []
  const matched = new Uint8Array(count)
  for (const start of starts) {
    let top = 0
    stack[top++] = start
    marked[start] = 1
    cursor[start] = work.offsets[start]!
    while (top > 0) {
      const c = stack[top - 1]!
      if (isEnd(c)) {
        matchedStarts.push(start)
        matchedEnds.push(c)
        matched[start] = matched[c] = 1
        break
      }
      const arc = cursor[c]!
      if (arc < work.offsets[c + 1]!) {
        cursor[c] = arc + 1
        const next = work.targets[arc]!
        if (marked[next] === 0) {
          marked[next] = 1
          cursor[next] = work.offsets[next]!
          stack[top++] = next
        }
      } else top--
    }
  }
  const s = [...matchedStarts, ...starts.filter((c) => matched[c] === 0)]
  const t = [...matchedEnds, ...ends.filter((c) => matched[c] === 0)]
  const p = matchedStarts.length

  const arcs: Array<readonly [number, number]> = []
  const add = (from: number, to: number): void => {
    arcs.push(reversed ? [to, from] : [from, to])
  }
  if (s.length === 0) {
    for (let i = 0; i < isolated.length; i++) add(isolated[i]!, isolated[(i + 1) % isolated.length]!)
    return { arcs, roleOf }
  }
  for (let i = 0; i + 1 < p; i++) add(t[i]!, s[i + 1]!)
  for (let i = p; i < s.length; i++) add(t[i]!, s[i]!)
  let last = t[p - 1]!
  for (let i = s.length; i < t.length; i++) {
    add(last, t[i]!)
    last = t[i]!
  }
  for (const c of isolated) {
    add(last, c)
    last = c
  }
  add(last, s[0]!)
  return { arcs, roleOf }
}
