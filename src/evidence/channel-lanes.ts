import { assetKindBit } from '../graph/edge-data.js'
import type { AssetKind } from '../model/vocabulary.js'

/** What a channel is seen carrying in records: stories (and what is made of them before a decision). @internal */
export const storyLane = 1
/** Decisions, plans, strategies, changes and experiments. @internal */
export const decisionLane = 2
/** Replies. @internal */
export const replyLane = 4

const laneOfKind: Readonly<Record<AssetKind, number>> = {
  experience: storyLane,
  evidence: storyLane,
  data: storyLane,
  insight: storyLane,
  lesson: storyLane,
  decision: decisionLane,
  plan: decisionLane,
  strategy: decisionLane,
  change: decisionLane,
  experiment: decisionLane,
  response: replyLane,
}

const kindsOfLane: ReadonlyArray<readonly [number, number]> = [storyLane, decisionLane, replyLane].map((lane) => [
  lane,
  (Object.keys(laneOfKind) as AssetKind[]).filter((kind) => laneOfKind[kind] === lane).reduce((bits, kind) => bits | assetKindBit(kind), 0),
])

/**
 * The lanes of a channel from the kind bits of what it carries (`carriedKindsByEdge`):
 * which of a story, a decision or a reply the records can show going over it. @internal
 */
export const lanesOfKinds = (carriedKinds: number): number => {
  let lanes = 0
  for (const [lane, kinds] of kindsOfLane) if ((carriedKinds & kinds) !== 0) lanes |= lane
  return lanes
}
