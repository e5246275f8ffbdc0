import * as t from 'io-ts'
import {
  ActorId,
  AssetId,
  ChannelId,
  LoopId,
  NonEmptyText,
  NonNegative,
  PositiveCount,
  Probability,
  Text,
  nonEmptyArray,
  withDefaults,
} from './primitives.js'
import {
  ActorKind,
  LoopOutcomePromise,
  AssetKind,
  ChannelStatus,
  Level,
  Perspective,
  Polarity,
  defaultPerspective,
} from './vocabulary.js'

/** The document format this version of the library writes (it reads `orgintel/v1` too). @category Model */
export const schemaVersion = 'orgintel/v2' as const

/** The earlier document format, still read and upgraded on decode. @category Model */
export const previousSchemaVersion = 'orgintel/v1' as const

const derivedPerspective = {
  derive: (input: Readonly<Record<string, unknown>>) =>
    // With an unknown kind the kind itself is reported; 'lay' only avoids a second error.
    ActorKind.is(input['kind']) ? defaultPerspective(input['kind']) : 'lay',
}

/**
 * A person, group or organisation that takes part in one or more levels of
 * co-production. `perspective` defaults from `kind` (lay for patients, carers,
 * citizens, community groups and peer supporters; mixed for a forum such as a Patient
 * Participation Group; professional for the rest). `represents` (v2) is how many
 * people the actor stands for, a whole number, 1 when absent. `tags` are free labels.
 * No other field is allowed.
 * @category Model
 */
export const Actor = withDefaults(
  t.readonly(
    t.intersection(
      [
        t.type({
          id: ActorId,
          name: NonEmptyText,
          kind: ActorKind,
          perspective: Perspective,
          levels: nonEmptyArray(Level, 'Levels'),
          tags: t.readonlyArray(Text),
        }),
        t.partial({ represents: PositiveCount }),
      ],
      'Actor',
    ),
  ),
  { perspective: derivedPerspective, tags: [] },
)
/** @category Model */
export type Actor = t.TypeOf<typeof Actor>

/**
 * Knowledge held by an actor: a story, evidence, a plan, a reply, an experiment.
 * `acknowledged: false` marks knowledge the organisation relies on but does not
 * recognise (Ostrom). `derivedFrom` (v2) is its provenance: the ids of the assets it
 * was made from (a % score from the ratings it counts, a plan from what residents
 * said); every id must name an asset and provenance must not go round in a circle.
 * No other field is allowed.
 * @category Model
 */
export const KnowledgeAsset = withDefaults(
  t.readonly(
    t.intersection(
      [
        t.type({
          id: AssetId,
          name: NonEmptyText,
          kind: AssetKind,
          holder: ActorId,
          acknowledged: t.boolean,
        }),
        t.partial({ derivedFrom: t.readonlyArray(AssetId) }),
      ],
      'KnowledgeAsset',
    ),
  ),
  { acknowledged: true },
)
/** @category Model */
export type KnowledgeAsset = t.TypeOf<typeof KnowledgeAsset>

/**
 * A directed channel from one actor to another, carrying knowledge assets (`carries:
 * []` carries nothing traceable). Several channels may join the same pair of actors.
 * `status` defaults to `active`; `latencyDays`, `reliability` and `polarity` are
 * absent when unknown. No other field is allowed.
 * @category Model
 */
export const Channel = withDefaults(
  t.readonly(
    t.intersection(
      [
        t.type({
          id: ChannelId,
          from: ActorId,
          to: ActorId,
          carries: t.readonlyArray(AssetId),
          level: Level,
          status: ChannelStatus,
        }),
        t.partial({
          latencyDays: NonNegative,
          reliability: Probability,
          polarity: Polarity,
        }),
      ],
      'Channel',
    ),
  ),
  { status: 'active' },
)
/** @category Model */
export type Channel = t.TypeOf<typeof Channel>

/**
 * A loop the organisation says it has. `through` lists the actors in order and ends
 * with the first actor again; `maxLatencyDays` is a budget for the whole round trip.
 * In v2, `source` names the asset the loop is about and `promises` the outcome it
 * claims (`heard`, `decided` or `did`). A source is followed round the loop from its
 * holder: name a source (an `experience`, `evidence` or `data` asset made from nothing)
 * and start `through` with its holder ({@link modelWarnings} warns otherwise). No
 * other field is allowed.
 * @category Model
 */
export const DeclaredLoop = t.readonly(
  t.intersection(
    [
      t.type({
        id: LoopId,
        name: NonEmptyText,
        level: Level,
        through: t.readonlyArray(ActorId),
      }),
      t.partial({ maxLatencyDays: NonNegative, source: AssetId, promises: LoopOutcomePromise }),
    ],
    'DeclaredLoop',
  ),
)
/** @category Model */
export type DeclaredLoop = t.TypeOf<typeof DeclaredLoop>

/**
 * An `orgintel/v2` document: the actors, their knowledge, the channels between them
 * and the loops the organisation declares. The codec checks shape only (types,
 * vocabularies, ranges, ids every writer can carry); {@link decodeModel} also refuses
 * unknown fields, checks references and reads `orgintel/v1` documents, so decode
 * documents with it rather than with this codec.
 * @category Model
 */
export const ModelCodec = withDefaults(
  t.readonly(
    t.intersection(
      [
        t.type({
          schema: t.literal(schemaVersion),
          id: NonEmptyText,
          name: NonEmptyText,
          actors: t.readonlyArray(Actor),
          assets: t.readonlyArray(KnowledgeAsset),
          channels: t.readonlyArray(Channel),
          loops: t.readonlyArray(DeclaredLoop),
        }),
        t.partial({ description: Text }),
      ],
      'Model',
    ),
  ),
  { loops: [] },
)
/** @category Model */
export type Model = t.TypeOf<typeof ModelCodec>
