import type { CompiledGraph } from '../../src/graph/compile.js'
import fc from 'fast-check'
import type { Actor, Channel, KnowledgeAsset, Model } from '../../src/model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../../src/model/primitives.js'
import type { ActorKind, AssetKind, Level } from '../../src/model/vocabulary.js'

/** Ids that break naive code: prototype keys first. */
export const hostileIds = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'b', 'a', 'valueOf', 'z']

export interface EdgeSpec {
  readonly from: number
  readonly to: number
  readonly level?: Level
  readonly status?: Channel['status']
  readonly latencyDays?: number
  readonly reliability?: number
  readonly polarity?: '+' | '-'
  readonly carries?: ReadonlyArray<string>
}

export interface ModelSpec {
  readonly actors: number
  readonly edges: ReadonlyArray<EdgeSpec>
  readonly ids?: ReadonlyArray<string>
  readonly lay?: ReadonlyArray<boolean>
  readonly levels?: ReadonlyArray<ReadonlyArray<Level>>
  /** Actor kinds (default: patient for a lay actor, else clinician). */
  readonly kinds?: ReadonlyArray<ActorKind>
  readonly assets?: ReadonlyArray<{ id: string; kind: AssetKind; holder: number; derivedFrom?: ReadonlyArray<string> }>
}

/** Build an already-decoded model from a small spec (actor `i` has id `ids[i]`). */
export const buildModel = (spec: ModelSpec): Model => {
  const ids = spec.ids ?? Array.from({ length: spec.actors }, (_, i) => `n${i}`)
  const actors: Actor[] = Array.from({ length: spec.actors }, (_, i) => {
    const lay = spec.lay?.[i] ?? i % 2 === 0
    const kind: ActorKind = spec.kinds?.[i] ?? (lay ? 'patient' : 'clinician')
    return {
      id: ids[i] as ActorId,
      name: `Actor ${i}` as Actor['name'],
      kind,
      perspective: lay ? 'lay' : 'professional',
      levels: spec.levels?.[i] ?? ['delivery'],
      tags: [],
    }
  })
  const assets: KnowledgeAsset[] = (spec.assets ?? []).map((asset) => ({
    id: asset.id as AssetId,
    name: asset.id as KnowledgeAsset['name'],
    kind: asset.kind,
    holder: ids[asset.holder] as ActorId,
    acknowledged: true,
    ...(asset.derivedFrom === undefined ? {} : { derivedFrom: asset.derivedFrom as ReadonlyArray<AssetId> }),
  }))
  const channels: Channel[] = spec.edges.map((edge, k) => ({
    id: `c${k}` as ChannelId,
    from: ids[edge.from] as ActorId,
    to: ids[edge.to] as ActorId,
    carries: (edge.carries ?? []) as ReadonlyArray<AssetId>,
    level: edge.level ?? 'delivery',
    status: edge.status ?? 'active',
    ...(edge.latencyDays === undefined ? {} : { latencyDays: edge.latencyDays as Channel['latencyDays'] & number }),
    ...(edge.reliability === undefined ? {} : { reliability: edge.reliability as Channel['reliability'] & number }),
    ...(edge.polarity === undefined ? {} : { polarity: edge.polarity }),
  }))
  return { schema: 'orgintel/v2', id: 'test' as Model['id'], name: 'Test' as Model['name'], actors, assets, channels, loops: [] }
}

/** Random small multigraphs: ≤ 8 actors, self-loops and parallel channels allowed. */
export const arbitrarySpec = (maxActors = 8, maxEdges = 20): fc.Arbitrary<ModelSpec> =>
  fc.integer({ min: 1, max: maxActors }).chain((actors) =>
    fc.record({
      actors: fc.constant(actors),
      edges: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: actors - 1 }),
          to: fc.integer({ min: 0, max: actors - 1 }),
          status: fc.constantFrom<Channel['status']>('active', 'active', 'active', 'inactive'),
          latencyDays: fc.integer({ min: 0, max: 9 }),
        }),
        { maxLength: maxEdges },
      ),
      ids: fc.shuffledSubarray(hostileIds, { minLength: actors, maxLength: actors }),
      lay: fc.array(fc.boolean(), { minLength: actors, maxLength: actors }),
    }),
  )

export const levelNames: ReadonlyArray<Level> = ['delivery', 'planning', 'strategy']

/** Random small multigraphs whose channels also vary in level, polarity, reliability and carried assets. */
export const arbitraryRichSpec = (): fc.Arbitrary<ModelSpec> =>
  arbitrarySpec(7, 24).chain((spec) =>
    fc.record({
      levels: fc.array(fc.constantFrom(...levelNames), { minLength: spec.edges.length, maxLength: spec.edges.length }),
      polarities: fc.array(fc.constantFrom<'+' | '-' | undefined>('+', '-', undefined), { minLength: spec.edges.length, maxLength: spec.edges.length }),
      reliabilities: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), { minLength: spec.edges.length, maxLength: spec.edges.length }),
      carries: fc.array(fc.subarray(['story', 'spec', 'jsna', 'reply', 'ghost']), { minLength: spec.edges.length, maxLength: spec.edges.length }),
    }).map(({ levels, polarities, reliabilities, carries }) => ({
      ...spec,
      levels: Array.from({ length: spec.actors }, (_, i) => (i % 3 === 0 ? levelNames : [levelNames[i % 3]!])),
      edges: spec.edges.map((edge, k) => ({
        ...edge,
        level: levels[k]!,
        ...(polarities[k] === undefined ? {} : { polarity: polarities[k] }),
        ...(reliabilities[k] === undefined ? {} : { reliability: reliabilities[k] }),
        carries: carries[k]!,
      })),
      assets: [
        { id: 'story', kind: 'experience' as const, holder: 0 },
        { id: 'spec', kind: 'plan' as const, holder: spec.actors - 1 },
        { id: 'jsna', kind: 'strategy' as const, holder: 0 },
        { id: 'reply', kind: 'response' as const, holder: spec.actors - 1 },
      ],
    })),
  )

/** Successor sets of active channels (parallel channels merged), by actor index. */
export const activeSuccessors = (spec: ModelSpec): Array<Set<number>> => {
  const successors = Array.from({ length: spec.actors }, () => new Set<number>())
  for (const edge of spec.edges) if ((edge.status ?? 'active') === 'active') successors[edge.from]!.add(edge.to)
  return successors
}

/** Brute force: every elementary cycle, as index lists starting at their smallest index. */
export const bruteForceCycles = (spec: ModelSpec): number[][] => {
  const successors = activeSuccessors(spec)
  const cycles: number[][] = []
  const extend = (start: number, path: number[]): void => {
    for (const w of successors[path[path.length - 1]!]!) {
      if (w === start) cycles.push([...path])
      else if (w > start && !path.includes(w)) extend(start, [...path, w])
    }
  }
  for (let s = 0; s < spec.actors; s++) extend(s, [s])
  return cycles
}

/** Brute force reachability matrix (reflexive). */
export const bruteForceReach = (spec: ModelSpec): boolean[][] => {
  const successors = activeSuccessors(spec)
  return Array.from({ length: spec.actors }, (_, s) => {
    const seen = new Array<boolean>(spec.actors).fill(false)
    const stack = [s]
    seen[s] = true
    while (stack.length > 0) {
      const v = stack.pop()!
      for (const w of successors[v]!) if (!seen[w]) { seen[w] = true; stack.push(w) }
    }
    return seen
  })
}

/** The index arrays of a compiled graph (and its actors by id), as plain values a deep equality can compare. */
export const compiledArrays = (graph: CompiledGraph) => ({
  actors: graph.actors.map((actor) => actor.id),
  offsets: [...graph.offsets],
  targets: [...graph.targets],
  edgeChannel: [...graph.edgeChannel],
  reverseOffsets: [...graph.reverseOffsets],
  sources: [...graph.sources],
  reverseEdge: [...graph.reverseEdge],
  lay: [...graph.lay],
})
