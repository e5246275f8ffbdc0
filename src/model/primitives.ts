import * as t from 'io-ts'
import { forbiddenIdCharacterOffset, loneSurrogateOffset } from './characters.js'

/** @category Model */
export interface ActorIdBrand {
  readonly ActorId: unique symbol
}
/** @category Model */
export interface AssetIdBrand {
  readonly AssetId: unique symbol
}
/** @category Model */
export interface ChannelIdBrand {
  readonly ChannelId: unique symbol
}
/** @category Model */
export interface LoopIdBrand {
  readonly LoopId: unique symbol
}
/** @category Model */
export interface NonNegativeBrand {
  readonly NonNegative: unique symbol
}
/** @category Model */
export interface ProbabilityBrand {
  readonly Probability: unique symbol
}
/** @category Model */
export interface NonEmptyTextBrand {
  readonly NonEmptyText: unique symbol
}

const isNonEmpty = (s: string): boolean => s.length > 0

/** A non-empty string without C0 controls, U+FFFE, U+FFFF or lone surrogates: what every writer can carry. */
const isValidId = (s: string): boolean => s.length > 0 && forbiddenIdCharacterOffset(s) < 0

/**
 * An actor id: any non-empty string without C0 control characters, U+FFFE, U+FFFF or
 * lone surrogates, which XML and UTF-8 cannot carry (ids such as `__proto__` are
 * allowed and safe). The same holds for every id.
 * @category Model
 */
export const ActorId = t.brand(t.string, (s): s is t.Branded<string, ActorIdBrand> => isValidId(s), 'ActorId')
/** @category Model */
export type ActorId = t.TypeOf<typeof ActorId>

/** @category Model */
export const AssetId = t.brand(t.string, (s): s is t.Branded<string, AssetIdBrand> => isValidId(s), 'AssetId')
/** @category Model */
export type AssetId = t.TypeOf<typeof AssetId>

/** @category Model */
export const ChannelId = t.brand(
  t.string,
  (s): s is t.Branded<string, ChannelIdBrand> => isValidId(s),
  'ChannelId',
)
/** @category Model */
export type ChannelId = t.TypeOf<typeof ChannelId>

/** @category Model */
export const LoopId = t.brand(t.string, (s): s is t.Branded<string, LoopIdBrand> => isValidId(s), 'LoopId')
/** @category Model */
export type LoopId = t.TypeOf<typeof LoopId>

/** A non-empty string without lone surrogates (names). @category Model */
export const NonEmptyText = t.brand(
  t.string,
  (s): s is t.Branded<string, NonEmptyTextBrand> => isNonEmpty(s) && loneSurrogateOffset(s) < 0,
  'NonEmptyText',
)
/** @category Model */
export type NonEmptyText = t.TypeOf<typeof NonEmptyText>

/**
 * Any string without a lone surrogate (half of a UTF-16 pair, which no UTF-8 writer can
 * carry): tags and descriptions. Its static type stays `string`.
 * @category Model
 */
export const Text = t.refinement(t.string, (s) => loneSurrogateOffset(s) < 0, 'Text')

/** A finite number, 0 or more (days of latency). @category Model */
export const NonNegative = t.brand(
  t.number,
  (n): n is t.Branded<number, NonNegativeBrand> => Number.isFinite(n) && n >= 0,
  'NonNegative',
)
/** @category Model */
export type NonNegative = t.TypeOf<typeof NonNegative>

/** A chance between 0 and 1 inclusive. @category Model */
export const Probability = t.brand(
  t.number,
  (n): n is t.Branded<number, ProbabilityBrand> => Number.isFinite(n) && n >= 0 && n <= 1,
  'Probability',
)
/** @category Model */
export type Probability = t.TypeOf<typeof Probability>

/** @category Model */
export interface PositiveCountBrand {
  readonly PositiveCount: unique symbol
}

/** A whole number, 1 or more (how many people an actor stands for). @category Model */
export const PositiveCount = t.brand(
  t.number,
  (n): n is t.Branded<number, PositiveCountBrand> => Number.isSafeInteger(n) && n >= 1,
  'PositiveCount',
)
/** @category Model */
export type PositiveCount = t.TypeOf<typeof PositiveCount>

/**
 * A codec for a non-empty readonly array.
 * @category Model
 */
export const nonEmptyArray = <C extends t.Mixed>(item: C, name: string) =>
  t.refinement(t.readonlyArray(item), (items) => items.length > 0, name)

/**
 * A codec that fills absent optional fields with defaults before decoding with
 * `inner`, so that the decoded type has every field. `inner` must decode a value that
 * passes its `is` check to that same value (true of io-ts's object, array, brand,
 * keyof and literal codecs). `optional` names the fields a
 * document may omit; the JSON Schema generator reads it.
 * @category Model
 */
export class DefaultsType<C extends t.Mixed, K extends string = string> extends t.Type<
  t.TypeOf<C>,
  t.OutputOf<C>,
  unknown
> {
  readonly _tag = 'DefaultsType' as const
  constructor(
    name: string,
    readonly inner: C,
    readonly optional: Readonly<Record<K, FieldDefault>>,
    fill: (input: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>,
  ) {
    super(
      name,
      inner.is,
      (input, context) => {
        if (typeof input !== 'object' || input === null || Array.isArray(input)) {
          return t.failure(input, context)
        }
        const filled = fill(input as Readonly<Record<string, unknown>>)
        // Fast path: \`is\` allocates no io-ts contexts, and for these codecs a value that
        // passes \`is\` decodes to itself. Only a faulty item pays for \`validate\`, which
        // says what is wrong. (A codec with nested defaults fails \`is\` and so validates.)
        return inner.is(filled) ? t.success(filled as t.TypeOf<C>) : inner.validate(filled, context)
      },
      inner.encode,
    )
  }
}

/**
 * A default: a constant, or a function of the input object (for example an actor's
 * perspective, derived from its kind). A function default is left out of the JSON Schema.
 * @category Model
 */
export type FieldDefault = string | number | boolean | ReadonlyArray<never> | DerivedDefault

/** @category Model */
export interface DerivedDefault {
  /** Compute the default from the input object; `undefined` leaves the field absent. */
  readonly derive: (input: Readonly<Record<string, unknown>>) => unknown
}

const isDerived = (value: FieldDefault): value is DerivedDefault =>
  typeof value === 'object' && value !== null && 'derive' in value

/**
 * A shallow copy of a plain object. `Object.assign` copies objects from `JSON.parse`
 * much faster than spread does in V8, but it would run the `__proto__` setter for an
 * own `__proto__` key (which `JSON.parse` creates), so such objects are spread.
 */
const copyObject = (input: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.hasOwn(input, '__proto__') ? { ...input } : Object.assign({}, input)

/**
 * Build a {@link DefaultsType} from `inner` and the defaults of its optional fields.
 * The input is copied only when a default is filled in; it is never mutated.
 * @category Model
 */
export const withDefaults = <C extends t.Mixed, K extends keyof t.OutputOf<C> & string>(
  inner: C,
  defaults: Readonly<Record<K, FieldDefault>>,
): DefaultsType<C, K> => {
  const entries: ReadonlyArray<readonly [string, FieldDefault]> = Object.entries(defaults)
  return new DefaultsType(inner.name, inner, defaults, (input) => {
    let filled: Record<string, unknown> | undefined
    for (const [key, fallback] of entries) {
      if (input[key] !== undefined) continue
      const value = isDerived(fallback) ? fallback.derive(input) : fallback
      if (value === undefined) continue
      filled ??= copyObject(input)
      filled[key] = value
    }
    return filled ?? input
  })
}

/**
 * The input form of a codec: its JSON output type with the fields that have defaults
 * made optional. For example `DraftOf<typeof Actor>` needs no `perspective` or `tags`.
 * @category Model
 */
export type DraftOf<C> =
  C extends DefaultsType<infer Inner, infer Key>
    ? Omit<t.OutputOf<Inner>, Key> & Partial<Pick<t.OutputOf<Inner>, Key>>
    : C extends t.Mixed
      ? t.OutputOf<C>
      : never
