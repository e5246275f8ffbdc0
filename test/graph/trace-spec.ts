import fc from 'fast-check'
import type { Actor, Channel, KnowledgeAsset, Model } from '../../src/model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../../src/model/primitives.js'
import type { AssetKind } from '../../src/model/vocabulary.js'

// Small random models for checking traced loops: at most 7 actors, 6 assets, 14 channels.

export const kinds: ReadonlyArray<AssetKind> = ['experience', 'evidence', 'data', 'insight', 'decision', 'plan', 'strategy', 'change', 'experiment', 'response', 'lesson']
export const stage: Readonly<Record<AssetKind, number>> = {
  experience: 0, evidence: 0, data: 0, insight: 1, decision: 2, plan: 2, strategy: 2, change: 3, experiment: 3, response: 4, lesson: -1,
}
export const level = (kind: AssetKind): number => (stage[kind] === 3 ? 2 : stage[kind] === 2 ? 1 : 0)

export interface Spec {
  readonly actors: number
  readonly assets: ReadonlyArray<{ kind: AssetKind; holder: number; derivedFrom?: ReadonlyArray<number> }>
  readonly channels: ReadonlyArray<{ from: number; to: number; carries: ReadonlyArray<number>; active: boolean; latency: number }>
}

export const arbitrarySpec: fc.Arbitrary<Spec> = fc
  .record({ actors: fc.integer({ min: 1, max: 7 }), assets: fc.integer({ min: 1, max: 6 }) })
  .chain(({ actors, assets }) =>
    fc.record({
      actors: fc.constant(actors),
      assets: fc
        .array(fc.record({ kind: fc.constantFrom(...kinds), holder: fc.nat(actors - 1), declared: fc.boolean(), from: fc.array(fc.nat(assets - 1), { maxLength: 3 }) }), {
          minLength: assets,
          maxLength: assets,
        })
        .map((list) =>
          list.map((asset, i) => {
            // Declared links only from earlier assets of no later stage, so declared and inferred links never form a cycle.
            const from = asset.from.filter((p) => p < i && stage[list[p]!.kind] <= stage[asset.kind] && stage[list[p]!.kind] >= 0 && stage[asset.kind] >= 0)
            return asset.declared ? { kind: asset.kind, holder: asset.holder, derivedFrom: [...new Set(from)] } : { kind: asset.kind, holder: asset.holder }
          }),
        ),
      channels: fc.array(
        fc.record({
          from: fc.nat(actors - 1),
          to: fc.nat(actors - 1),
          carries: fc.array(fc.nat(assets - 1), { maxLength: 3 }),
          active: fc.integer({ min: 0, max: 3 }).map((k) => k > 0),
          latency: fc.integer({ min: 0, max: 5 }),
        }),
        { maxLength: 14 },
      ),
    }),
  )

export const toModel = (spec: Spec): Model => ({
  schema: 'orgintel/v2',
  id: 'brute' as Model['id'],
  name: 'Brute' as Model['name'],
  actors: Array.from({ length: spec.actors }, (_, i): Actor => ({
    id: `a${i}` as ActorId,
    name: `A${i}` as Actor['name'],
    kind: i % 2 === 0 ? 'patient' : 'clinician',
    perspective: i % 2 === 0 ? 'lay' : 'professional',
    levels: [(['delivery', 'planning', 'strategy'] as const)[i % 3]!],
    tags: [],
  })),
  assets: spec.assets.map((asset, k): KnowledgeAsset => ({
    id: `k${k}` as AssetId,
    name: `K${k}` as KnowledgeAsset['name'],
    kind: asset.kind,
    holder: `a${asset.holder}` as ActorId,
    acknowledged: true,
    ...(asset.derivedFrom === undefined ? {} : { derivedFrom: asset.derivedFrom.map((p) => `k${p}` as AssetId) }),
  })),
  channels: spec.channels.map((channel, c): Channel => ({
    id: `c${c}` as ChannelId,
    from: `a${channel.from}` as ActorId,
    to: `a${channel.to}` as ActorId,
    carries: channel.carries.map((k) => `k${k}` as AssetId),
    level: (['delivery', 'planning', 'strategy'] as const)[c % 3]!,
    status: channel.active ? 'active' : 'inactive',
    latencyDays: channel.latency as Channel['latencyDays'] & number,
  })),
  loops: [],
})
