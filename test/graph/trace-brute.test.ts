import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildModel } from '../diagnose/build.js'
import { traceLoops } from '../../src/graph/trace.js'
import { type Spec, arbitrarySpec, level, stage, toModel } from './trace-spec.js'

// An independent, slow statement of the traced-loop semantics (architecture guide,
// "Traced loops"): fixpoints over sets instead of indices, every chain enumerated.

const bruteTrace = (spec: Spec) => {
  const active = spec.channels.map((channel, c) => ({ ...channel, c })).filter((channel) => channel.active)
  const reach = spec.assets.map((asset, a) => {
    const have = new Set([asset.holder])
    for (let changed = true; changed; ) {
      changed = false
      for (const channel of active) if (channel.carries.includes(a) && have.has(channel.from) && !have.has(channel.to)) ((have.add(channel.to), (changed = true)))
    }
    return have
  })
  const parents = spec.assets.map((asset, d) => {
    const candidates = asset.derivedFrom ?? (stage[asset.kind] === 0 ? [] : spec.assets.map((_, p) => p).filter((p) => p !== d && stage[spec.assets[p]!.kind] >= 0 && (stage[asset.kind] < 0 || stage[spec.assets[p]!.kind] < stage[asset.kind]) && reach[p]!.has(asset.holder)))
    return candidates.filter((p) => p !== d && reach[p]!.has(asset.holder))
  })
  const children = (p: number): number[] => spec.assets.map((_, d) => d).filter((d) => parents[d]!.includes(p))
  const loops = []
  for (let s = 0; s < spec.assets.length; s++) {
    const source = spec.assets[s]!
    if (stage[source.kind] !== 0 || (source.derivedFrom !== undefined && source.derivedFrom.length > 0)) continue
    // Best chain level to each asset, over every chain and over the chains that pass
    // something made by an actor other than the holder: every path enumerated.
    const best = new Map<number, number>([[s, 0]])
    const bestAway = new Map<number, number>()
    const walk = (a: number, levelSoFar: number, awaySoFar: boolean, seen: ReadonlySet<number>): void => {
      for (const c of children(a)) {
        if (seen.has(c)) continue
        const l = Math.max(levelSoFar, level(spec.assets[c]!.kind))
        const away = awaySoFar || spec.assets[c]!.holder !== source.holder
        if ((best.get(c) ?? -1) < l) best.set(c, l)
        if (away && (bestAway.get(c) ?? -1) < l) bestAway.set(c, l)
        walk(c, l, away, new Set([...seen, c]))
      }
    }
    walk(s, 0, false, new Set([s]))
    let outcome = -1
    for (const [a, l] of best) {
      if (a === s) continue
      const asset = spec.assets[a]!
      // A reply comes from someone else: by a chain that passes another actor's making.
      if (asset.kind === 'response') {
        if (bestAway.has(a) && reach[a]!.has(source.holder)) outcome = Math.max(outcome, bestAway.get(a)!)
      } else if (asset.holder === source.holder) {
        // The holder's own decision or change: made from another's making, or declared.
        const l2 = asset.derivedFrom !== undefined ? l : (bestAway.get(a) ?? -1)
        if (l2 >= 1) outcome = Math.max(outcome, l2)
      }
    }
    // Fastest round trip that closes the loop as well as it closes: Bellman–Ford over
    // (actor, asset, how far the route has gone) states.
    // (actor, asset, how far the route has gone, whether it has passed another actor's making) states.
    const dist = new Map<string, number>([[`${source.holder}:${s}:0:0`, 0]])
    for (let changed = true; changed; ) {
      changed = false
      for (const [key, d] of [...dist]) {
        const [v, a, l, w] = key.split(':').map(Number) as [number, number, number, number]
        const moves: Array<[string, number]> = []
        for (const channel of active) if (channel.from === v && channel.carries.includes(a) && reach[a]!.has(v)) moves.push([`${channel.to}:${a}:${l}:${w}`, d + channel.latency])
        for (const c of children(a)) {
          const made = spec.assets[c]!
          if (best.has(c) && made.holder === v) moves.push([`${v}:${c}:${Math.max(l, level(made.kind))}:${w === 1 || made.holder !== source.holder ? 1 : 0}`, d])
        }
        for (const [next, nd] of moves) if ((dist.get(next) ?? Infinity) > nd) ((dist.set(next, nd), (changed = true)))
      }
    }
    let latency = Infinity
    for (const [key, d] of dist) {
      const [v, a, l, w] = key.split(':').map(Number) as [number, number, number, number]
      const asset = spec.assets[a]!
      if (l >= outcome && a !== s && v === source.holder && (asset.kind === 'response' ? w === 1 : l >= 1 && asset.holder === v && (w === 1 || asset.derivedFrom !== undefined))) latency = Math.min(latency, d)
    }
    const members = [...best.keys()]
    const reached = new Set(members.flatMap((a) => [...reach[a]!]))
    // A closed loop's order counts only what lies on a chain that comes back: an asset that
    // closes it, or one something on such a chain is made from.
    const closing = (a: number): boolean => {
      const asset = spec.assets[a]!
      if (a === s) return false
      return asset.kind === 'response' ? bestAway.has(a) && reach[a]!.has(source.holder) : (asset.derivedFrom !== undefined ? best.get(a)! : (bestAway.get(a) ?? -1)) >= 1 && asset.holder === source.holder
    }
    const comesBack = (a: number, seen: ReadonlySet<number>): boolean => closing(a) || children(a).some((c) => best.has(c) && !seen.has(c) && comesBack(c, new Set([...seen, c])))
    const onLoop = outcome < 0 ? members : members.filter((a) => comesBack(a, new Set([a])))
    const order = onLoop.some((a) => spec.assets[a]!.kind === 'strategy' || (spec.assets[a]!.kind === 'experiment' && spec.assets[a]!.holder % 3 === 2)) ? 'triple' : onLoop.some((a) => spec.assets[a]!.kind === 'plan') ? 'double' : 'single'
    loops.push({
      source: `k${s}`,
      outcome: outcome < 0 ? 'open' : (['heard', 'decided', 'did'] as const)[outcome]!,
      latencyDays: outcome < 0 ? undefined : latency,
      derived: members.filter((a) => a !== s).map((a) => `k${a}`).sort(),
      reached: [...reached].map((v) => `a${v}`).sort(),
      order,
    })
  }
  return loops
}

describe('traceLoops against brute force', () => {
  it('agrees on outcome, fastest round trip, derived assets, reached actors and order (≤ 7 actors, ≤ 6 assets)', () => {
    fc.assert(
      fc.property(arbitrarySpec, (spec) => {
        const found = traceLoops(toModel(spec))
        expect(found.truncated).toBe(false)
        const actual = found.loops.map((loop) => ({
          source: loop.source,
          outcome: loop.outcome,
          latencyDays: loop.latencyDays,
          derived: [...loop.derived].sort(),
          reached: [...loop.reached].sort(),
          order: loop.order,
        }))
        expect(actual).toEqual(bruteTrace(spec))
      }),
      { numRuns: 1500, seed: 20120601 },
    )
  })

  it('gives the same loops whatever order the model lists its actors in (routes included)', () => {
    fc.assert(
      fc.property(arbitrarySpec, fc.integer(), (spec, seed) => {
        const model = toModel(spec)
        // A deterministic shuffle of the actors: the carriage's lists follow the order knowledge reaches them, not actor numbers.
        const actors = model.actors.map((actor, i) => ({ actor, key: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 })).sort((x, y) => x.key - y.key).map((entry) => entry.actor)
        expect(traceLoops({ ...model, actors })).toEqual(traceLoops(model))
      }),
      { numRuns: 1000, seed: 5 },
    )
  })

  it('names the same stop, and the same outcome and latency, whatever order the model lists its channels in', () => {
    fc.assert(
      fc.property(arbitrarySpec, fc.integer(), (spec, seed) => {
        const model = toModel(spec)
        const channels = model.channels.map((channel, i) => ({ channel, key: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 })).sort((x, y) => x.key - y.key).map((entry) => entry.channel)
        const summary = (loops: ReturnType<typeof traceLoops>['loops']) => loops.map((loop) => [loop.source, loop.outcome, loop.latencyDays, loop.stopsAt])
        expect(summary(traceLoops({ ...model, channels }).loops)).toEqual(summary(traceLoops(model).loops))
      }),
      { numRuns: 1000, seed: 11 },
    )
  })

  it('names the first by id of the actors a story reached equally far, whatever the channel order', () => {
    // The supplier's dashboard goes to the experience team and to the matron: the stop is the matron either way.
    const spec: Spec = {
      actors: 4,
      assets: [{ kind: 'experience', holder: 0 }, { kind: 'insight', holder: 1, derivedFrom: [0] }],
      channels: [
        { from: 0, to: 1, carries: [0], active: true, latency: 1 },
        { from: 1, to: 3, carries: [1], active: true, latency: 1 },
        { from: 1, to: 2, carries: [1], active: true, latency: 1 },
      ],
    }
    const model = toModel(spec)
    const stopOf = (channels: typeof model.channels) => traceLoops({ ...model, channels }).loops[0]!.stopsAt?.actor
    expect([stopOf(model.channels), stopOf([...model.channels].reverse())]).toEqual(['a2', 'a2'])
  })

  it("does not take a reply to patients for one a consultant's data is owed, whatever order the assets are listed in", () => {
    // The consultant's registry data (k0) goes to the meeting, whose action log (k1) leads the
    // manager to change the unit (k2); the nurses' answer (k3) and the board (k4) go to patients.
    const model = buildModel({
      actors: [['consultant', 'clinician'], ['meeting', 'forum'], ['manager', 'manager'], ['nurses', 'clinician'], ['patients', 'patient']],
      assets: [
        ['registry-data', 'data', 'consultant'],
        ['action-log', 'decision', 'meeting'],
        ['unit-changes', 'change', 'manager'],
        ['nurse-reply', 'response', 'nurses'],
        ['board', 'response', 'manager'],
      ],
      channels: [
        ['data-to-meeting', 'consultant', 'meeting', ['registry-data']],
        ['actions', 'meeting', 'manager', ['action-log']],
        ['huddle', 'manager', 'nurses', ['unit-changes']],
        ['nurse-answers', 'nurses', 'patients', ['nurse-reply']],
        ['board-patients', 'manager', 'patients', ['board']],
      ],
    })
    const stopOf = (assets: typeof model.assets) => traceLoops({ ...model, assets }).loops.find((loop) => loop.source === 'registry-data')!.stopsAt
    expect(stopOf(model.assets)).toMatchObject({ actor: 'nurses', asset: 'unit-changes', reason: 'no-reply' })
    expect(stopOf([...model.assets].reverse())).toEqual(stopOf(model.assets))
  })

  it("does not take a reply meant for patients for the consultant's, while nobody puts it up either", () => {
    // The unit's "you said, we did" board is only planned: it reaches nobody, but the model
    // says who it is for. The consultant is owed word of the change, not the patients' board.
    const model = buildModel({
      actors: [['consultant', 'clinician'], ['meeting', 'forum'], ['manager', 'manager'], ['patients', 'patient']],
      assets: [
        ['registry-data', 'data', 'consultant'],
        ['action-log', 'decision', 'meeting'],
        ['unit-changes', 'change', 'manager'],
        ['board', 'response', 'manager', undefined, { derivedFrom: ['unit-changes'] }],
      ],
      channels: [
        ['data-to-meeting', 'consultant', 'meeting', ['registry-data']],
        ['actions', 'meeting', 'manager', ['action-log']],
        ['board-patients', 'manager', 'patients', ['board'], { status: 'planned' }],
      ],
    })
    const loop = traceLoops(model).loops.find((entry) => entry.source === 'registry-data')!
    expect(loop.stopsAt).toMatchObject({ actor: 'manager', asset: 'unit-changes', reason: 'no-reply' })
  })

  it('times a loop that closes with did by a route that passes the change, not by a quicker reply about something else', () => {
    // k0 story (a0) -> k1 themes (a1) -> k2 quick acknowledgement, and -> k3 change -> k4 "you said, we did".
    const spec: Spec = {
      actors: 2,
      assets: [
        { kind: 'experience', holder: 0 },
        { kind: 'insight', holder: 1, derivedFrom: [0] },
        { kind: 'response', holder: 1, derivedFrom: [1] },
        { kind: 'change', holder: 1, derivedFrom: [1] },
        { kind: 'response', holder: 1, derivedFrom: [3] },
      ],
      channels: [
        { from: 0, to: 1, carries: [0], active: true, latency: 1 },
        { from: 1, to: 0, carries: [2], active: true, latency: 0 },
        { from: 1, to: 0, carries: [4], active: true, latency: 5 },
      ],
    }
    const [loop] = traceLoops(toModel(spec)).loops
    expect([loop!.outcome, loop!.latencyDays, loop!.closedBy, loop!.steps.map((step) => step.channel)]).toEqual(['did', 6, 'k4', ['c0', 'c2']])
  })

  it("does not take a reply the holder writes from its own story for an answer, but does when it is made from what came back", () => {
    // Carers (a0) tell the team (a1) their concerns (k0); nothing comes back, and the
    // carers' own newsletter (k1, a response inferred from what they have) is no reply.
    const alone: Spec = {
      actors: 2,
      assets: [{ kind: 'experience', holder: 0 }, { kind: 'response', holder: 0 }],
      channels: [{ from: 0, to: 1, carries: [0], active: true, latency: 3 }],
    }
    const [open] = traceLoops(toModel(alone)).loops
    expect([open!.outcome, open!.stopsAt?.actor, open!.stopsAt?.asset]).toEqual(['open', 'a1', 'k0'])
    // The team's decision (k2) is brought back to the carers, who write it up on their own "you said, we did" wall.
    const answered: Spec = {
      actors: 2,
      assets: [{ kind: 'experience', holder: 0 }, { kind: 'response', holder: 0, derivedFrom: [0, 2] }, { kind: 'decision', holder: 1, derivedFrom: [0] }],
      channels: [
        { from: 0, to: 1, carries: [0], active: true, latency: 3 },
        { from: 1, to: 0, carries: [2], active: true, latency: 10 },
      ],
    }
    const [closed] = traceLoops(toModel(answered)).loops
    expect([closed!.outcome, closed!.latencyDays, closed!.closedBy, closed!.steps.map((step) => step.channel)]).toEqual(['decided', 13, 'k1', ['c0', 'c1']])
  })

  it("does not take a plan the holder infers from its own story for taking part, but does when the model declares it", () => {
    // Clients (a0) give link workers (a1) their wellbeing scores (k0), which go no further;
    // the clients' own support plan (k1, a decision) says nothing of what became of them.
    const inferred: Spec = {
      actors: 2,
      assets: [{ kind: 'data', holder: 0 }, { kind: 'decision', holder: 0 }],
      channels: [{ from: 0, to: 1, carries: [0], active: true, latency: 3 }],
    }
    const [open] = traceLoops(toModel(inferred)).loops
    expect([open!.outcome, open!.stopsAt?.actor, open!.stopsAt?.asset]).toEqual(['open', 'a1', 'k0'])
    // Students' recovery plans declared as made from the stories shared in class: co-production.
    const declared: Spec = { ...inferred, assets: [{ kind: 'experience', holder: 0 }, { kind: 'change', holder: 0, derivedFrom: [0] }] }
    const [closed] = traceLoops(toModel(declared)).loops
    expect([closed!.outcome, closed!.closedBy]).toEqual(['did', 'k1'])
  })

  it('gives a route whose steps chain from the holder and whose latency is the route sum', () => {
    fc.assert(
      fc.property(arbitrarySpec, (spec) => {
        const model = toModel(spec)
        const latency = new Map(model.channels.map((channel) => [channel.id, channel.latencyDays ?? 0]))
        for (const loop of traceLoops(model).loops) {
          if (loop.outcome === 'open') continue
          const sum = loop.steps.reduce((total, step) => total + latency.get(step.channel)!, 0)
          expect(sum).toBe(loop.latencyDays)
          if (loop.steps.length > 0) expect(loop.steps[0]!.from).toBe(loop.holder)
          if (loop.steps.length > 0 && model.assets.find((asset) => asset.id === loop.closedBy)?.kind === 'response') expect(loop.steps.at(-1)!.to).toBe(loop.holder)
        }
      }),
      { numRuns: 500, seed: 7 },
    )
  })
})

