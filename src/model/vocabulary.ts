import * as t from 'io-ts'

/**
 * The three levels at which co-production happens.
 * `delivery`: care with patients and carers; `planning`: commissioning and service
 * design; `strategy`: experimentation, innovation and learning.
 * @category Model
 */
export const Level = t.keyof({ delivery: null, planning: null, strategy: null }, 'Level')
/** @category Model */
export type Level = t.TypeOf<typeof Level>

/**
 * Every level, lowest first. The order is meaningful: a traced loop on which a
 * governing asset of a higher level is made from its source (a `plan`, a `strategy`)
 * is a higher-order learning loop.
 * @category Model
 */
export const levels: ReadonlyArray<Level> = ['delivery', 'planning', 'strategy']

/** @category Model */
export const ActorKind = t.keyof(
  {
    patient: null,
    carer: null,
    citizen: null,
    'community-group': null,
    'peer-supporter': null,
    clinician: null,
    manager: null,
    provider: null,
    commissioner: null,
    board: null,
    regulator: null,
    intermediary: null,
    researcher: null,
    staff: null,
    forum: null,
  },
  'ActorKind',
)
/** @category Model */
export type ActorKind = t.TypeOf<typeof ActorKind>

/**
 * Whether an actor speaks from lived (lay) or professional knowledge, or both: a
 * `mixed` actor (a forum such as a Patient Participation Group or a lived experience
 * council) counts as a lay voice and as a professional one.
 * @category Model
 */
export const Perspective = t.keyof({ lay: null, professional: null, mixed: null }, 'Perspective')
/** @category Model */
export type Perspective = t.TypeOf<typeof Perspective>

const layKinds: ReadonlySet<ActorKind> = new Set<ActorKind>([
  'patient',
  'carer',
  'citizen',
  'community-group',
  'peer-supporter',
])

/**
 * The perspective an actor of this kind has unless the model says otherwise: lay for
 * patients, carers, citizens, community groups and peer supporters; mixed for a forum;
 * professional for the rest.
 * @category Model
 */
export const defaultPerspective = (kind: ActorKind): Perspective =>
  layKinds.has(kind) ? 'lay' : kind === 'forum' ? 'mixed' : 'professional'

/**
 * Whether an actor with this perspective counts as a lay voice (lay or mixed). The one
 * definition of a lay voice that every layer reads.
 * @category Model
 */
export const isLayVoice = (perspective: Perspective): boolean => perspective !== 'professional'

/**
 * Whether an actor with this perspective counts as a professional voice (professional or mixed).
 * @category Model
 */
export const isProfessionalVoice = (perspective: Perspective): boolean => perspective !== 'lay'

/** @category Model */
export const AssetKind = t.keyof(
  {
    experience: null,
    evidence: null,
    data: null,
    insight: null,
    decision: null,
    plan: null,
    strategy: null,
    change: null,
    response: null,
    lesson: null,
    experiment: null,
  },
  'AssetKind',
)
/** @category Model */
export type AssetKind = t.TypeOf<typeof AssetKind>

/**
 * Every asset kind, in the order the {@link AssetKind} codec lists them. Bit masks of
 * kinds use this order (kind `assetKinds[i]` is bit `1 << i`).
 * @category Model
 */
export const assetKinds: ReadonlyArray<AssetKind> = Object.keys(AssetKind.keys) as ReadonlyArray<AssetKind>

/**
 * The organisational-intelligence capabilities a loop can pass through.
 * @category Model
 */
export type Capability = 'sense' | 'make-sense' | 'decide' | 'act' | 'feedback' | 'remember'

/** Capabilities in the order they run round a healthy loop. @category Model */
export const capabilities: ReadonlyArray<Capability> = [
  'sense',
  'make-sense',
  'decide',
  'act',
  'feedback',
  'remember',
]

const capabilityOfKind: Readonly<Record<AssetKind, Capability>> = {
  experience: 'sense',
  evidence: 'sense',
  data: 'sense',
  insight: 'make-sense',
  decision: 'decide',
  plan: 'decide',
  strategy: 'decide',
  change: 'act',
  response: 'feedback',
  lesson: 'remember',
  experiment: 'act',
}

/**
 * The capability an asset of this kind stands for ([Architecture: the model](../../docs/architecture.md#the-model)).
 * @category Model
 */
export const capabilityOf = (kind: AssetKind): Capability => capabilityOfKind[kind]

/**
 * The level at which an asset of this kind governs, if it does: a `plan` governs
 * delivery from the planning level, a `strategy` governs from the strategy level.
 * @category Model
 */
export const governingLevelOf = (kind: AssetKind): Level | undefined =>
  kind === 'plan' ? 'planning' : kind === 'strategy' ? 'strategy' : undefined

/** @category Model */
export const ChannelStatus = t.keyof({ active: null, inactive: null, planned: null }, 'ChannelStatus')
/** @category Model */
export type ChannelStatus = t.TypeOf<typeof ChannelStatus>

/** `+`: more at the sender means more at the receiver; `-`: less. @category Model */
export const Polarity = t.keyof({ '+': null, '-': null }, 'Polarity')
/** @category Model */
export type Polarity = t.TypeOf<typeof Polarity>

/**
 * What a loop achieves for the person whose knowledge started it, best first: `did` (a
 * change or experiment made from it, and they were told), `decided` (a decision, plan or
 * strategy made from it), `heard` (a reply, but nothing traced changed).
 * @category Model
 */
export const LoopOutcomePromise = t.keyof({ heard: null, decided: null, did: null }, 'LoopOutcomePromise')
/** @category Model */
export type LoopOutcomePromise = t.TypeOf<typeof LoopOutcomePromise>
