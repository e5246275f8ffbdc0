/*
 * Provenance links grouped by parent, as typed arrays: grouping, filtering in place and
 * ranking them. @internal
 */

/** Links grouped by parent: the children of `p` are `children[childOffsets[p] .. childOffsets[p+1]-1]`. @internal */
export interface GroupedLinks {
  readonly childOffsets: Int32Array
  readonly children: Int32Array
  readonly childInferred: Uint8Array
  readonly childAt: Int32Array
}

/**
 * The links for which `keep(parent, i)` holds, in place (the arrays shrink to views of
 * themselves), with their offsets recomputed. @internal
 */
export const keepLinks = (links: GroupedLinks, keep: (parent: number, i: number) => boolean): GroupedLinks => {
  const { childOffsets, children, childInferred, childAt } = links
  const count = childOffsets.length - 1
  let kept = 0
  let from = 0
  for (let p = 0; p < count; p++) {
    const end = childOffsets[p + 1]!
    for (let i = from; i < end; i++) {
      if (!keep(p, i)) continue
      children[kept] = children[i]!
      childInferred[kept] = childInferred[i]!
      childAt[kept++] = childAt[i]!
    }
    from = end
    childOffsets[p + 1] = kept
  }
  return { childOffsets, children: children.subarray(0, kept), childInferred: childInferred.subarray(0, kept), childAt: childAt.subarray(0, kept) }
}

/** The links grouped by parent (counting sort), in link order within a parent. @internal */
export const linksByParent = (
  count: number,
  links: { readonly parent: Int32Array; readonly child: Int32Array; readonly inferred: Uint8Array; readonly at: Int32Array; readonly count: number },
) => {
  const { parent, child, inferred, at } = links
  const childOffsets = new Int32Array(count + 1)
  for (let i = 0; i < links.count; i++) childOffsets[parent[i]! + 1]!++
  for (let a = 0; a < count; a++) childOffsets[a + 1]! += childOffsets[a]!
  const children = new Int32Array(links.count)
  const childInferred = new Uint8Array(links.count)
  const childAt = new Int32Array(links.count)
  const cursor = childOffsets.slice(0, count)
  for (let i = 0; i < links.count; i++) {
    const k = cursor[parent[i]!]!++
    children[k] = child[i]!
    childInferred[k] = inferred[i]!
    childAt[k] = at[i]!
  }
  return { childOffsets, children, childInferred, childAt }
}

/** Kahn's algorithm over the links: rank of each asset, `-1` for assets on or after a cycle. O(A + links). @internal */
export const topologicalRank = (count: number, offsets: Int32Array, children: Int32Array): Int32Array => {
  const indegree = new Int32Array(count)
  for (let i = 0; i < children.length; i++) indegree[children[i]!]!++
  const queue = new Int32Array(count)
  let tail = 0
  for (let a = 0; a < count; a++) if (indegree[a] === 0) queue[tail++] = a
  const rank = new Int32Array(count).fill(-1)
  for (let head = 0; head < tail; head++) {
    const a = queue[head]!
    rank[a] = head
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) if (--indegree[children[i]!]! === 0) queue[tail++] = children[i]!
  }
  return rank
}

/** Sort assets by their rank (as {@link topologicalRank} gives it): by insertion when few (as most traces are), without a comparator call per pair. */
export const sortByRank = (members: number[], rank: Int32Array): void => {
  if (members.length > 16) {
    members.sort((a, b) => rank[a]! - rank[b]!)
    return
  }
  for (let i = 1; i < members.length; i++) {
    const a = members[i]!
    let j = i - 1
    for (; j >= 0 && rank[members[j]!]! > rank[a]!; j--) members[j + 1] = members[j]!
    members[j + 1] = a
  }
}
