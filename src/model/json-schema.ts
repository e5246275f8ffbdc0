import * as t from 'io-ts'
import { idPattern, textPattern } from './characters.js'
import { Actor, Channel, DeclaredLoop, KnowledgeAsset, ModelCodec, previousSchemaVersion, schemaVersion } from './codecs.js'
import { DefaultsType } from './primitives.js'
import { ActorKind, AssetKind, ChannelStatus, Level, LoopOutcomePromise, Perspective, Polarity } from './vocabulary.js'
import { describeDefinition, describeField } from './json-schema-descriptions.js'

/** A JSON Schema (2020-12) object, as plain JSON data. @category Model */
export type JsonSchema = { readonly [keyword: string]: unknown }

/** Codecs written once under `$defs` and referred to by `$ref` everywhere else. */
const definitions: ReadonlyArray<readonly [string, t.Decoder<unknown, unknown>]> = [
  ['Actor', Actor],
  ['KnowledgeAsset', KnowledgeAsset],
  ['Channel', Channel],
  ['DeclaredLoop', DeclaredLoop],
  ['Level', Level],
  ['ActorKind', ActorKind],
  ['Perspective', Perspective],
  ['AssetKind', AssetKind],
  ['ChannelStatus', ChannelStatus],
  ['Polarity', Polarity],
  ['LoopOutcomePromise', LoopOutcomePromise],
]
const definitionNames: ReadonlyMap<t.Decoder<unknown, unknown>, string> = new Map(
  definitions.map(([name, codec]) => [codec, name]),
)

const id = { type: 'string', minLength: 1, pattern: idPattern }
const idRule = 'any non-empty string without control characters (U+0000 to U+001F), U+FFFE, U+FFFF or lone surrogates.'
/** Brands and refinements, by codec name: what their predicate means in JSON Schema. */
const refinements: ReadonlyMap<string, JsonSchema> = new Map<string, JsonSchema>([
  ['ActorId', { ...id, description: `An actor id: ${idRule}` }],
  ['AssetId', { ...id, description: `An asset id: ${idRule}` }],
  ['ChannelId', { ...id, description: `A channel id: ${idRule}` }],
  ['LoopId', { ...id, description: `A declared loop id: ${idRule}` }],
  ['NonEmptyText', { type: 'string', minLength: 1, pattern: textPattern }],
  ['Text', { type: 'string', pattern: textPattern }],
  ['NonNegative', { type: 'number', minimum: 0 }],
  ['Probability', { type: 'number', minimum: 0, maximum: 1 }],
  ['PositiveCount', { type: 'integer', minimum: 1 }],
  ['Levels', { minItems: 1 }],
])

const isConstantDefault = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value)

/** Merge object schemas (the members of an intersection). */
const mergeObjects = (schemas: ReadonlyArray<JsonSchema>): JsonSchema => {
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  for (const schema of schemas) {
    Object.assign(properties, schema['properties'])
    for (const key of (schema['required'] as ReadonlyArray<string> | undefined) ?? []) {
      if (!required.includes(key)) required.push(key)
    }
  }
  return { type: 'object', properties, additionalProperties: false, required }
}

const withFieldDescriptions = (owner: string, schema: JsonSchema): JsonSchema => {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined
  if (properties === undefined) return schema
  const described: Record<string, JsonSchema> = {}
  for (const [key, property] of Object.entries(properties)) {
    const description = describeField(owner, key)
    described[key] = description === undefined ? property : { ...property, description }
  }
  return { ...schema, properties: described }
}

/**
 * Translate one codec. Recursion here follows the codecs (a handful of levels deep),
 * never the documents being validated.
 */
const toSchema = (codec: t.Decoder<unknown, unknown>, owner: string, inline = false): JsonSchema => {
  const definition = definitionNames.get(codec)
  if (definition !== undefined && !inline) return { $ref: `#/$defs/${definition}` }
  if (codec instanceof DefaultsType) {
    const inner = toSchema(codec.inner, owner)
    const required = ((inner['required'] as ReadonlyArray<string> | undefined) ?? []).filter(
      (key) => !Object.hasOwn(codec.optional, key),
    )
    const properties: Record<string, JsonSchema> = { ...(inner['properties'] as Record<string, JsonSchema>) }
    for (const [key, fallback] of Object.entries(codec.optional)) {
      const property = properties[key]
      if (property !== undefined && isConstantDefault(fallback)) properties[key] = { ...property, default: fallback }
    }
    return { ...inner, properties, required }
  }
  if (codec instanceof t.ReadonlyType) return toSchema(codec.type, owner)
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const props = codec.props as Record<string, t.Decoder<unknown, unknown>>
    const properties: Record<string, JsonSchema> = {}
    for (const [key, property] of Object.entries(props)) properties[key] = toSchema(property, owner)
    return withFieldDescriptions(owner, {
      type: 'object',
      properties,
      additionalProperties: false,
      required: codec instanceof t.InterfaceType ? Object.keys(props) : [],
    })
  }
  if (codec instanceof t.IntersectionType) {
    const members = (codec.types as ReadonlyArray<t.Decoder<unknown, unknown>>).map((member) => toSchema(member, owner))
    return mergeObjects(members)
  }
  if (codec instanceof t.RefinementType) {
    const refinement = refinements.get(codec.name)
    if (refinement === undefined) throw new Error(`json-schema: no JSON Schema for refinement ${codec.name}`)
    return codec.name === 'Levels' ? { ...toSchema(codec.type, owner), ...refinement } : refinement
  }
  if (codec instanceof t.KeyofType) return { type: 'string', enum: Object.keys(codec.keys) }
  if (codec instanceof t.LiteralType) return { const: codec.value }
  if (codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType) {
    return { type: 'array', items: toSchema(codec.type, owner) }
  }
  if (codec instanceof t.StringType) return { type: 'string' }
  if (codec instanceof t.NumberType) return { type: 'number' }
  if (codec instanceof t.BooleanType) return { type: 'boolean' }
  throw new Error(`json-schema: no JSON Schema for codec ${codec.name}`)
}

/** Put `required` last and drop it when empty, for a tidy document. */
const tidy = (schema: JsonSchema): JsonSchema => {
  const { required, ...rest } = schema as { required?: ReadonlyArray<string> }
  return required === undefined || required.length === 0 ? rest : { ...rest, required }
}

const definitionSchema = (name: string, codec: t.Decoder<unknown, unknown>): JsonSchema => {
  const description = describeDefinition(name)
  const schema = tidy(toSchema(codec, name, true))
  return description === undefined ? { title: name, ...schema } : { title: name, description, ...schema }
}

/**
 * Build the JSON Schema by walking the io-ts codecs, so the codecs stay the one source
 * of truth. Exported for tests; use {@link modelJsonSchema}.
 * @internal
 */
export const deriveModelJsonSchema = (): JsonSchema => {
  const $defs: Record<string, JsonSchema> = {}
  for (const [name, codec] of definitions) $defs[name] = definitionSchema(name, codec)
  const model = definitionSchema('Model', ModelCodec)
  const properties = model['properties'] as Record<string, JsonSchema>
  // decodeModel reads a v1 document as v2 (the codec sees only v2), so the schema accepts both.
  const { const: _written, ...schemaField } = properties['schema']!
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://orgintel.dev/schema/orgintel-v2.json',
    ...model,
    properties: { ...properties, schema: { ...schemaField, enum: [schemaVersion, previousSchemaVersion] } },
    title: `orgintel model (${schemaVersion})`,
    $defs,
  }
}

/** Freeze a JSON value and everything in it, so that no caller can change the shared schema. */
const freezeDeep = <T>(value: T): T => {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (typeof current !== 'object' || current === null || Object.isFrozen(current)) continue
    Object.freeze(current)
    stack.push(...Object.values(current))
  }
  return value
}

/**
 * A JSON Schema (draft 2020-12) for `orgintel/v2` documents, derived from the io-ts
 * codecs, so that tools in other languages can check a document's shape. Like
 * {@link decodeModel} it refuses fields the format does not define
 * (`additionalProperties: false` on every object) and ids with characters no writer
 * can carry (`pattern`, an ECMAScript regular expression with the `u` flag). It checks
 * shape only: unique ids, references that resolve, provenance without circles and
 * closed declared loops are checked by {@link decodeModel}. It describes `orgintel/v2`
 * only: a v1 document is refused here, though `decodeModel` reads and upgrades it.
 * @category Model
 */
export const modelJsonSchema: JsonSchema = freezeDeep(deriveModelJsonSchema())
