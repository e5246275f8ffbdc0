/**
 * A rooted flow graph given by callbacks over node numbers `0..size-1`, for
 * {@link immediateDominators}. `forEachSuccessor`/`forEachPredecessor` call `visit` for
 * each neighbour.
 * @category Graph
 */
export interface FlowGraph {
  readonly size: number
  readonly root: number
  readonly forEachSuccessor: (node: number, visit: (next: number) => void) => void
  readonly forEachPredecessor: (node: number, visit: (previous: number) => void) => void
}

/**
 * Immediate dominators of the nodes reachable from the root (Cooper, Harvey & Kennedy
 * 2001, "A Simple, Fast Dominance Algorithm"): number nodes in reverse postorder by an
 * iterative depth-first search, then intersect predecessors' dominator chains until
 * nothing changes. `idom[root] === root`; `-1` marks nodes the root does not reach.
 * O(N + E) per pass, few passes on reducible graphs; O(N) memory.
 * @category Graph
 */
export const immediateDominators = (graph: FlowGraph): Int32Array => {
  const { size, root } = graph
  const rank = new Int32Array(size).fill(-1)
  const order: number[] = []

  // Iterative DFS for postorder: each frame holds its node's successors, expanded once.
  const visited = new Uint8Array(size)
  const stackNodes: number[] = [root]
  const stackChildren: number[][] = [[]]
  const stackCursor: number[] = [0]
  visited[root] = 1
  graph.forEachSuccessor(root, (next) => stackChildren[0]!.push(next))
  while (stackNodes.length > 0) {
    const top = stackNodes.length - 1
    const children = stackChildren[top]!
    if (stackCursor[top]! < children.length) {
      const next = children[stackCursor[top]!++]!
      if (visited[next] === 1) continue
      visited[next] = 1
      const list: number[] = []
      graph.forEachSuccessor(next, (child) => list.push(child))
      stackNodes.push(next)
      stackChildren.push(list)
      stackCursor.push(0)
      continue
    }
    order.push(stackNodes.pop()!)
    stackChildren.pop()
    stackCursor.pop()
  }
  order.reverse()
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i

  const idom = new Int32Array(size).fill(-1)
  idom[root] = root
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (rank[a]! > rank[b]!) a = idom[a]!
      while (rank[b]! > rank[a]!) b = idom[b]!
    }
    return a
  }
  let changed = true
  while (changed) {
    changed = false
    for (let i = 1; i < order.length; i++) {
      const node = order[i]!
      let candidate = -1
      graph.forEachPredecessor(node, (previous) => {
        if (rank[previous] === -1 || idom[previous] === -1) return
        candidate = candidate === -1 ? previous : intersect(previous, candidate)
      })
      if (candidate !== -1 && idom[node] !== candidate) {
        idom[node] = candidate
        changed = true
      }
    }
  }
  return idom
}
