import { assetKindBit } from '../graph/edge-data.js'
import type { AssetKind } from '../model/vocabulary.js'

/** What records can show an actor having of an item: a story (an experience, evidence or data). @internal */
export const storyLane = 1
/** An insight or lesson made from it (`themed`). @internal */
export const insightLane = 2
/** A decision, plan or strategy (`decided`). @internal */
export const decisionLane = 4
/** A change or experiment (`changed`). @internal */
export const changeLane = 8
/** A reply. @internal */
export const replyLane = 16

/** The lanes in which records can show an item, before a reply. @internal */
export const itemLanes = [storyLane, insightLane, decisionLane, changeLane] as const

/** The lane of each asset kind. @internal */
export const laneOfKind: Readonly<Record<AssetKind, number>> = {
  experience: storyLane,
  evidence: storyLane,
  data: storyLane,
  insight: insightLane,
  lesson: insightLane,
  decision: decisionLane,
  plan: decisionLane,
  strategy: decisionLane,
  change: changeLane,
  experiment: changeLane,
  response: replyLane,
}

const kindsOfLane: ReadonlyArray<readonly [number, number]> = [...itemLanes, replyLane].map((lane) => [
  lane,
  (Object.keys(laneOfKind) as AssetKind[]).filter((kind) => laneOfKind[kind] === lane).reduce((bits, kind) => bits | assetKindBit(kind), 0),
])

/**
 * The lanes of a channel from the kind bits of what it carries (`carriedKindsByEdge`):
 * which of a story, an insight, a decision, a change or a reply the records can show
 * going over it. @internal
 */
export const lanesOfKinds = (carriedKinds: number): number => {
  let lanes = 0
  for (const [lane, kinds] of kindsOfLane) if ((carriedKinds & kinds) !== 0) lanes |= lane
  return lanes
}
