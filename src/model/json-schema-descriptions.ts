/**
 * Descriptions for the JSON Schema. The codecs say what is allowed; these say what it
 * means, for readers of the schema in other languages ([Architecture: the model](../../docs/architecture.md#the-model)).
 */

const definitionDescriptions: ReadonlyMap<string, string> = new Map([
  [
    'Model',
    'An orgintel/v2 document: the actors of a health and care organisation, the knowledge they hold, the channels between them and the feedback and learning loops the organisation says it has.',
  ],
  ['Actor', 'A person, group or organisation that takes part in one or more levels of co-production.'],
  [
    'KnowledgeAsset',
    'Knowledge held by an actor: a story, evidence, data, an insight, a decision, a plan, a strategy, a change, an experiment, a response or a lesson.',
  ],
  ['Channel', 'A directed channel from one actor to another, carrying knowledge assets. Several channels may join the same pair of actors.'],
  ['DeclaredLoop', 'A loop the organisation says it has: the actors it passes through, in order, ending with the first actor again.'],
  ['Level', 'delivery: care with patients and carers; planning: commissioning and service design; strategy: experimentation, innovation and learning.'],
  ['ActorKind', 'What kind of actor this is. Patients, carers, citizens, community groups and peer supporters have a lay perspective by default, a forum (a Patient Participation Group, a co-production board, a lived experience council) a mixed one, the rest a professional one.'],
  ['Perspective', 'Whether an actor speaks from lived (lay) or professional knowledge, or both (mixed: counts as a lay voice and as a professional one).'],
  ['AssetKind', 'The kind of knowledge, and so the organisational-intelligence capability it stands for.'],
  ['ChannelStatus', 'Whether a channel works now (active), has stopped (inactive) or is only intended (planned).'],
  ['Polarity', '+: more at the sender means more at the receiver; -: less.'],
  ['LoopOutcomePromise', 'What a loop achieves for the person whose knowledge started it: did (a change was made), decided, or heard (a reply only).'],
])

const fieldDescriptions: ReadonlyMap<string, string> = new Map([
  ['Model.schema', 'The document format: "orgintel/v2" (documents that say "orgintel/v1" are read and upgraded).'],
  ['Model.id', 'An id for the model.'],
  ['Model.name', 'A name for people to read.'],
  ['Model.description', 'What the model shows and where its facts come from.'],
  ['Model.actors', 'Every actor, with ids unique among actors.'],
  ['Model.assets', 'Every knowledge asset, with ids unique among assets.'],
  ['Model.channels', 'Every channel, with ids unique among channels.'],
  ['Model.loops', 'The loops the organisation declares.'],
  ['Actor.name', 'A name for people to read; never quoted in error messages.'],
  ['Actor.perspective', 'Lay, professional or mixed; when absent, derived from kind.'],
  ['Actor.represents', 'How many people the actor stands for (a whole number, 1 or more); 1 when absent.'],
  ['Actor.levels', 'The levels the actor takes part in.'],
  ['Actor.tags', 'Free labels for grouping and filtering.'],
  ['KnowledgeAsset.holder', 'The id of the actor who holds the asset.'],
  ['KnowledgeAsset.acknowledged', 'false marks knowledge the organisation relies on but does not recognise.'],
  ['KnowledgeAsset.derivedFrom', 'Provenance: the ids of the assets this one was made from. Each must name an asset, and provenance must not go round in a circle (checked by the library, not by this schema).'],
  ['Channel.from', 'The id of the sending actor.'],
  ['Channel.to', 'The id of the receiving actor.'],
  ['Channel.carries', 'The ids of the assets the channel carries; empty means it carries nothing traceable.'],
  ['Channel.level', 'The level the channel works at.'],
  ['Channel.latencyDays', 'Days a message takes to arrive.'],
  ['Channel.reliability', 'The chance that a message gets through.'],
  ['Channel.polarity', 'The sign of the link; absent means unknown.'],
  ['DeclaredLoop.level', 'The level the loop works at.'],
  ['DeclaredLoop.through', 'Actor ids in order, ending with the first again. With a source, start with the holder of the source: the source is followed round the loop only from there (the library warns otherwise).'],
  ['DeclaredLoop.maxLatencyDays', 'The most days a trip round the loop should take.'],
  ['DeclaredLoop.source', 'The id of the asset the loop is about: what someone said, measured or knew, an experience, evidence or data asset made from nothing (the library warns about an insight, a reply or an asset with derivedFrom).'],
  ['DeclaredLoop.promises', 'The outcome the organisation claims the loop achieves for the source: heard, decided or did.'],
])

/** The description of a `$defs` entry (or of the document, `Model`), if there is one. */
export const describeDefinition = (name: string): string | undefined => definitionDescriptions.get(name)

/** The description of a field of a definition, if there is one. */
export const describeField = (owner: string, field: string): string | undefined =>
  fieldDescriptions.get(`${owner}.${field}`)
