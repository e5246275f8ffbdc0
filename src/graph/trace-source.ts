import type { Model } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type AssetKind, type Level, levels } from '../model/vocabulary.js'
import { reachPosition } from './carriage.js'
import { type Provenance, orderOfAsset } from './provenance.js'
import { sortByRank } from './provenance-links.js'
import type { TraceIndex } from './trace.js'
import { type RouteFinder, awayOfNode, levelOfNode, routeLevelOf, stateOfNode } from './trace-route.js'
import { findStop } from './trace-stop.js'
import { edgeFlagsOf } from './edge-data.js'
import type { LoopOutcome, TracedLoop } from './trace-types.js'
import type { LearningOrder } from './types.js'

/*
 * One source followed through a compiled trace index: what `traceLoops` does for each
 * source, with scratch arrays shared by every source of one trace. @internal
 */

/** Outcome levels (0 heard, 1 decided, 2 did): what the best chain from the source to an asset has passed through. */
const heard = 0
const decided = 1
const outcomeOfLevel: ReadonlyArray<LoopOutcome> = ['heard', 'decided', 'did']

/** Scratch shared by every source of one trace, reset by stamps. @internal */
export interface Scratch {
  readonly member: Int32Array
  readonly best: Int8Array
  /** The best level of a chain from the source that passes something made by an actor other than its holder, -1 when none does. */
  readonly awayBest: Int8Array
  /** 1 for an asset some chain from the source reaches through something made by an actor other than its holder. */
  readonly away: Uint8Array
  /** 1 for an asset on a chain that comes back: one that closes the loop, or one something that does is made from. */
  readonly back: Uint8Array
  /** For an open loop's stop: how many makings from the source each member is, at most. */
  readonly depth: Int32Array
  readonly actorStamp: Int32Array
  readonly flags: Uint8Array
  readonly actorIds: ReadonlyArray<ActorId>
  /** Where each trace's reached actors (as indices) and its route's levels (as a mask) are appended. */
  readonly reachedActors: number[]
  readonly routeLevels: number[]
  readonly work: { count: number }
}

/** The levels of each 3-bit level mask, shared by every loop (there are only eight). */
const levelsOfMask: ReadonlyArray<ReadonlyArray<Level>> = Array.from({ length: 8 }, (_, mask) => Object.freeze(levels.filter((_, rank) => (mask & (1 << rank)) !== 0)))

/**
 * The source and every asset made from it, in provenance order, with the best chain
 * level of each, and the best level of a chain to it that passes something made by an
 * actor other than the source's holder `h` (`awayBest`, -1 when none does; `away` 1 when
 * one does).
 */
const collectTrace = (provenance: Provenance, kinds: ReadonlyArray<AssetKind>, holderOf: Int32Array, s: number, scratch: Scratch) => {
  const { member, best, awayBest, away, work } = scratch
  const h = holderOf[s]!
  const members = [s]
  member[s] = s
  best[s] = heard
  awayBest[s] = -1
  let inferred = false
  for (let head = 0; head < members.length; head++) {
    const a = members[head]!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (provenance.rank[c]! < 0) continue
      if (provenance.childInferred[i] === 1) inferred = true
      if (member[c] !== s) ((member[c] = s), (best[c] = routeLevelOf(kinds[c]!)), (awayBest[c] = -1), members.push(c))
    }
  }
  work.count += members.length
  sortByRank(members, provenance.rank)
  for (const a of members) {
    // Every chain to a is final here (its parents come first); one made by someone else makes every chain to it away.
    if (a !== s && holderOf[a] !== h) awayBest[a] = best[a]!
    away[a] = awayBest[a]! >= 0 ? 1 : 0
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (member[c] !== s) continue
      if (best[a]! > best[c]!) best[c] = best[a]!
      if (awayBest[a]! >= 0) awayBest[c] = Math.max(awayBest[c]!, awayBest[a]!, routeLevelOf(kinds[c]!))
    }
  }
  return { members, inferred }
}

/**
 * Source `s`'s trace and what closes its loop: every asset made from it (`members`,
 * stamped `s` in `scratch.member`), the best outcome over all routes (`-1` open, else
 * 0 heard, 1 decided, 2 did) and whether a search node closes the loop as well as it
 * closes. A reply made from the source that reaches its holder, or a decision or change
 * made from it that the holder holds itself, closes it, when made from something another
 * actor made of the source: a reply is someone else's answer (a group that writes its
 * own "you said, we did" wall from the decisions its manager brings back counts, a
 * newsletter from its own story alone does not), and deciding with others is taking
 * part; a decision or change the holder makes from its own story alone closes it only
 * when the model declares it (`derivedFrom`), never by inference alone (a person's
 * support plan inferred from their own scores is no loop). A closing route of a
 * loop that closes with `did` must have passed the change; with `atLeast`, a closing route
 * need only have gone that far (0 heard, 1 decided, 2 did). @internal
 */
export const closureOf = (index: TraceIndex, finder: RouteFinder, s: number, scratch: Scratch, atLeast?: number) => {
  const { carriage, provenance, kinds } = index
  const { best, awayBest, back } = scratch
  const h = carriage.holder[s]!
  const { members, inferred } = collectTrace(provenance, kinds, carriage.holder, s, scratch)
  // What the holder decides or does itself closes its loop when made from another's making,
  // or when the model declares what it was made from (students' recovery plans made from
  // the stories shared in class); inference alone is not enough.
  const declared = (a: number): boolean => provenance.undeclared[a] === 0
  let outcome = -1
  for (const a of members) {
    const response = kinds[a] === 'response'
    const level = response || !declared(a) ? awayBest[a]! : best[a]!
    const closes = a !== s && level >= 0 && (response ? reachPosition(carriage, a, h) >= 0 : level >= decided && carriage.holder[a] === h)
    back[a] = closes ? 1 : 0
    if (closes && level > outcome) outcome = level
  }
  const floor = atLeast ?? outcome
  const isClosure = (node: number): boolean => {
    if (levelOfNode(node) < floor) return false
    const a = finder.assetOf(node)
    if (a === s || carriage.reachActors[stateOfNode(node)] !== h) return false
    if (kinds[a] === 'response') return awayOfNode(node) === 1
    return levelOfNode(node) >= decided && carriage.holder[a] === h && (awayOfNode(node) === 1 || declared(a))
  }
  return { members, inferred, outcome, isClosure }
}

/** Fresh scratch for tracing over `index`, shared by every source of one trace. @internal */
export const createScratch = (index: TraceIndex): Scratch => {
  const { graph, carriage } = index
  return {
    member: new Int32Array(carriage.assetCount).fill(-1),
    best: new Int8Array(carriage.assetCount),
    awayBest: new Int8Array(carriage.assetCount),
    away: new Uint8Array(carriage.assetCount),
    back: new Uint8Array(carriage.assetCount),
    depth: new Int32Array(carriage.assetCount),
    actorStamp: new Int32Array(graph.actorCount).fill(-1),
    flags: edgeFlagsOf(graph),
    actorIds: graph.actors.map((actor) => actor.id),
    reachedActors: [],
    routeLevels: [],
    work: { count: 0 },
  }
}

/** Follow source `s` (see `traceLoops`). @internal */
export const traceSource = (index: TraceIndex, finder: RouteFinder, s: number, scratch: Scratch): TracedLoop => {
  const { graph, carriage } = index
  const assets = graph.model.assets
  const { member, actorStamp, flags, actorIds, reachedActors, work } = scratch
  const { members, inferred, outcome, isClosure } = closureOf(index, finder, s, scratch)

  const first = reachedActors.length
  let levelMask = 0
  for (const a of members) {
    for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) {
      const v = carriage.reachActors[i]!
      if (actorStamp[v] !== s) ((actorStamp[v] = s), reachedActors.push(v))
    }
    for (let i = carriage.carrierOffsets[a]!; i < carriage.carrierOffsets[a + 1]!; i++) levelMask |= flags[carriage.carrierEdges[i]!]! & 7
    work.count += carriage.reachOffsets[a + 1]! - carriage.reachOffsets[a]! + carriage.carrierOffsets[a + 1]! - carriage.carrierOffsets[a]!
  }

  // Sized once: a list grown by push is copied as it grows, garbage on every source.
  const reached: ActorId[] = new Array(reachedActors.length - first)
  for (let k = first; k < reachedActors.length; k++) reached[k - first] = actorIds[reachedActors[k]!]!

  const stop = outcome < 0 ? findStop(index, members, scratch, s) : undefined
  // The fastest route that closes the loop as well as it closes.
  const target = finder.search(s, s, member, stop === undefined ? isClosure : (node) => stateOfNode(node) === stop.state, work)
  const route = target < 0 ? { steps: [], reliability: 1, levelMask: 0 } : finder.route(target)
  scratch.routeLevels.push(route.levelMask)
  const source = assets[s]!.id
  const holder = graph.actors[carriage.holder[s]!]!.id
  const levels = levelsOfMask[levelMask]!
  const order = orderOf(index, members, outcome >= 0 ? { back: scratch.back, member, s } : undefined)
  const { reliability } = route
  const provenanceOf = inferred ? 'inferred' : 'declared'
  const derived = derivedIds(assets, members, s)
  // One object literal per shape (open with or without a stop, closed with or without a
  // route found), with the keys in one order: no object spread per source.
  if (outcome < 0) {
    return stop === undefined
      ? { source, holder, outcome: 'open', steps: route.steps, levels, order, reliability, provenance: provenanceOf, derived, reached }
      : { source, holder, outcome: 'open', stopsAt: stop.stop, steps: route.steps, levels, order, reliability, provenance: provenanceOf, derived, reached }
  }
  if (target < 0) return { source, holder, outcome: outcomeOfLevel[outcome]!, steps: route.steps, levels, order, reliability, provenance: provenanceOf, derived, reached }
  return {
    source,
    holder,
    outcome: outcomeOfLevel[outcome]!,
    steps: route.steps,
    closedBy: assets[finder.assetOf(target)]!.id,
    levels,
    order,
    latencyDays: finder.distance(target),
    reliability,
    provenance: provenanceOf,
    derived,
    reached,
  }
}

const noLevels: ReadonlyArray<Level> = []

const derivedIds = (assets: Model['assets'], members: ReadonlyArray<number>, s: number): AssetId[] => {
  const ids: AssetId[] = []
  for (const a of members) if (a !== s) ids.push(assets[a]!.id)
  return ids
}

/**
 * `triple` when a strategy (or an experiment held at strategy level) made from the source
 * lies on a chain that comes back (`back`, for a loop that closes: something that closes
 * it is made from it, or it closes it), `double` for a plan; for an open loop, anywhere in
 * what was made of the source. A plan on a branch that never comes back (a committee
 * that receives a report and notes it while the reply comes from elsewhere) does not
 * make the loop a double one. Members are in provenance order, so one backward pass
 * marks every asset something closing is made from.
 */
const orderOf = (
  index: TraceIndex,
  members: ReadonlyArray<number>,
  closed: { readonly back: Uint8Array; readonly member: Int32Array; readonly s: number } | undefined,
): LearningOrder => {
  const { graph, carriage, provenance } = index
  if (closed !== undefined) {
    const { back, member, s } = closed
    for (let k = members.length - 1; k >= 0; k--) {
      const a = members[k]!
      for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]! && back[a] === 0; i++) {
        const c = provenance.children[i]!
        if (member[c] === s && back[c] === 1) back[a] = 1
      }
    }
  }
  let order: LearningOrder = 'single'
  for (const a of members) {
    if (closed !== undefined && closed.back[a] === 0) continue
    // Only an experiment's order depends on its holder's levels: no actor is read for the rest.
    const kind = index.kinds[a]!
    const own = orderOfAsset(kind, kind === 'experiment' ? graph.actors[carriage.holder[a]!]!.levels : noLevels)
    if (own === 'triple') return own
    if (own === 'double') order = own
  }
  return order
}
