import type { Actor, Channel, KnowledgeAsset, Model } from '../src/model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../src/model/primitives.js'
import type { ActorKind, AssetKind, Level } from '../src/model/vocabulary.js'

/**
 * Options for {@link generateOrganisation}. `actors` and `channels` are exact counts.
 * @category Experiments
 */
export interface GenerateOrganisationOptions {
  readonly seed: number
  readonly actors: number
  readonly channels: number
  /** Share of lay actors (default 0.3). */
  readonly layShare?: number
  /** Levels to spread teams over (default all three). */
  readonly levels?: ReadonlyArray<Level>
  /** Average team size (default 12). */
  readonly teamSize?: number
  /**
   * Add provenance (default `false`): each professional actor also holds something made
   * from a team member's knowledge (an insight, decision or change, `derivedFrom` it) and
   * a reply made from that, and carries them on its channels with its own asset: about
   * three assets per actor, so traced loops run several steps.
   */
  readonly provenance?: boolean
}

/** mulberry32: a tiny seeded 32-bit generator, enough for test data (shared by the benches and the docs scripts). */
export const createRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 15), z | 1)
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61)
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296
  }
}

const layKinds: ReadonlyArray<ActorKind> = ['patient', 'carer', 'citizen', 'community-group', 'peer-supporter']
const professionalKinds: ReadonlyArray<ActorKind> = ['clinician', 'manager', 'provider', 'intermediary', 'researcher']
const hubKinds: Readonly<Record<Level, ActorKind>> = { delivery: 'manager', planning: 'commissioner', strategy: 'board' }
const professionalAssetKinds: ReadonlyArray<AssetKind> = [
  'evidence', 'data', 'insight', 'decision', 'plan', 'strategy', 'change', 'response', 'lesson', 'response',
]
const allLevels: ReadonlyArray<Level> = ['delivery', 'planning', 'strategy']
const sourceKinds: ReadonlyArray<AssetKind> = ['evidence', 'data']
const madeKinds: ReadonlyArray<AssetKind> = ['insight', 'decision', 'change', 'plan']

const inTeamOf = (teamStart: ReadonlyArray<number>, team: number, random: () => number): number => {
  const start = teamStart[team]!
  return start + Math.floor(random() * (teamStart[team + 1]! - start))
}
const noAssets: ReadonlyArray<AssetId> = Object.freeze([])

/**
 * Generate an organisation-like model, deterministically from `seed`: teams of about
 * `teamSize` actors (one hub each, a `manager`, `commissioner` or `board` by level),
 * dense channels inside teams, sparse links between teams that mostly join hubs,
 * feedback channels from professionals back to lay actors, a few inactive or planned
 * channels, every asset kind carried somewhere, and all three levels. Ids are
 * `a<i>`, `k<i>` (assets) and `c<i>`. The model is built directly (already decoded);
 * carried-asset arrays are shared between channels to keep a 1M-channel model small.
 * O(actors + channels).
 * @category Experiments
 */
export const generateOrganisation = (options: GenerateOrganisationOptions): Model => {
  const random = createRandom(options.seed)
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!
  const n = Math.max(0, Math.floor(options.actors))
  const m = Math.max(0, Math.floor(options.channels))
  const layShare = options.layShare ?? 0.3
  const levelsUsed = options.levels !== undefined && options.levels.length > 0 ? options.levels : allLevels
  const teamSize = Math.max(2, options.teamSize ?? 12)

  // Teams: consecutive actor ranges; the first actor of a team is its hub.
  const teamStart: number[] = []
  const teamLevel: Level[] = []
  for (let start = 0; start < n; ) {
    teamStart.push(start)
    teamLevel.push(levelsUsed[teamStart.length % 5 === 0 ? levelsUsed.length - 1 : teamStart.length % 3 === 0 ? Math.min(1, levelsUsed.length - 1) : 0]!)
    start += Math.max(2, Math.round(teamSize * (0.5 + random())))
  }
  teamStart.push(n)
  const teamCount = teamStart.length - 1
  const teamOf = new Int32Array(n)
  for (let team = 0; team < teamCount; team++) for (let v = teamStart[team]!; v < teamStart[team + 1]!; v++) teamOf[v] = team

  const actors: Actor[] = []
  const assets: KnowledgeAsset[] = []
  const carried: Array<ReadonlyArray<AssetId>> = []
  const lay = new Uint8Array(n)
  for (let v = 0; v < n; v++) {
    const team = teamOf[v]!
    const level = teamLevel[team]!
    const isHub = v === teamStart[team]
    const isLay = !isHub && random() < layShare
    lay[v] = isLay ? 1 : 0
    const kind = isHub ? hubKinds[level] : isLay ? pick(layKinds) : pick(professionalKinds)
    const upper = allLevels[Math.min(2, allLevels.indexOf(level) + 1)]!
    const actorLevels: ReadonlyArray<Level> = isHub && upper !== level ? [level, upper] : [level]
    actors.push({ id: `a${v}` as ActorId, name: `Actor ${v}` as Actor['name'], kind, perspective: isLay ? 'lay' : 'professional', levels: actorLevels, tags: [] })
    const assetKind: AssetKind = isLay ? 'experience' : pick(options.provenance === true ? sourceKinds : professionalAssetKinds)
    const assetId = `k${v}` as AssetId
    assets.push({ id: assetId, name: `Asset ${v}` as KnowledgeAsset['name'], kind: assetKind, holder: `a${v}` as ActorId, acknowledged: !(isLay && random() < 0.1) })
    carried.push(Object.freeze([assetId]))
  }
  if (options.provenance === true) {
    for (let v = 0; v < n; v++) {
      if (lay[v] === 1) continue
      const team = teamOf[v]!
      const made = `m${v}` as AssetId
      const reply = `r${v}` as AssetId
      // Made from a team member's knowledge (it may or may not reach v) and from v's own.
      assets.push({ id: made, name: `Made ${v}` as KnowledgeAsset['name'], kind: pick(madeKinds), holder: `a${v}` as ActorId, acknowledged: true, derivedFrom: [`k${inTeamOf(teamStart, team, random)}` as AssetId, `k${v}` as AssetId] })
      assets.push({ id: reply, name: `Reply ${v}` as KnowledgeAsset['name'], kind: 'response', holder: `a${v}` as ActorId, acknowledged: true, derivedFrom: [made] })
      carried[v] = Object.freeze([`k${v}` as AssetId, made, reply])
    }
  }

  const channels: Channel[] = []
  const inTeam = (team: number): number => inTeamOf(teamStart, team, random)
  for (let c = 0; c < m && n > 0; c++) {
    const roll = random()
    let from: number
    let to: number
    if (roll < 0.72 || teamCount === 1) {
      const team = Math.floor(random() * teamCount)
      from = inTeam(team)
      to = inTeam(team)
      if (from === to && random() < 0.97) to = teamStart[team]! === from ? inTeam(team) : teamStart[team]!
    } else if (roll < 0.9) {
      // Sparse links between teams, mostly hub to hub or member to a hub.
      const a = Math.floor(random() * teamCount)
      const b = Math.floor(random() * teamCount)
      from = random() < 0.5 ? teamStart[a]! : inTeam(a)
      to = random() < 0.7 ? teamStart[b]! : inTeam(b)
    } else {
      // Feedback: a professional replies to a lay actor of its own team.
      const team = Math.floor(random() * teamCount)
      to = inTeam(team)
      from = teamStart[team]!
      for (let tries = 0; tries < 4 && lay[to] === 0; tries++) to = inTeam(team)
    }
    const statusRoll = random()
    const polarityRoll = random()
    const channel: Channel = {
      id: `c${c}` as ChannelId,
      from: `a${from}` as ActorId,
      to: `a${to}` as ActorId,
      carries: random() < 0.85 ? carried[from]! : noAssets,
      level: teamLevel[teamOf[random() < 0.5 ? from : to]!]!,
      status: statusRoll < 0.03 ? 'inactive' : statusRoll < 0.04 ? 'planned' : 'active',
      latencyDays: Math.floor(random() * 30) as Channel['latencyDays'] & number,
      reliability: (Math.round((0.5 + random() / 2) * 100) / 100) as Channel['reliability'] & number,
      ...(polarityRoll < 0.8 ? { polarity: '+' as const } : polarityRoll < 0.95 ? { polarity: '-' as const } : {}),
    }
    channels.push(channel)
  }

  return {
    schema: 'orgintel/v2',
    id: `generated-${options.seed}-${n}-${m}` as Model['id'],
    name: `Generated organisation (seed ${options.seed})` as Model['name'],
    actors,
    assets,
    channels,
    loops: [],
  }
}
