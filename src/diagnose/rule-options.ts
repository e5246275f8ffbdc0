import * as t from 'io-ts'
import { closestName } from '../model/suggest.js'

/** The decoded options of a rule built with {@link ruleOptions}. @category Rules */
export type OptionsFromProps<P extends t.Props> = { readonly [K in keyof P]: t.TypeOf<P[K]> }

/** What an unknown option key should have been: the rule's options, and the closest one. */
const unknownOption = (key: string, known: ReadonlyArray<string>) => {
  const likely = closestName(key, known)
  const listed = known.length === 0 ? 'the rule has no options' : `the rule's options are ${known.map((name) => `'${name}'`).join(', ')}`
  return new t.Type<never, never, unknown>(
    `a known option (${listed}${likely === undefined ? '' : `; did you mean '${likely}'?`})`,
    (_): _ is never => false,
    (input, context) => t.failure(input, context),
    (value) => value,
  )
}

/**
 * A codec for a rule's options: every field optional in the input (an absent field takes
 * its default; `undefined` or no options at all means every default), unknown fields
 * rejected with their path, the result complete.
 * @category Rules
 */
export const ruleOptions = <P extends t.Props>(
  name: string,
  props: P,
  defaults: OptionsFromProps<P>,
): t.Type<OptionsFromProps<P>, unknown, unknown> => {
  const complete = t.type(props)
  return new t.Type<OptionsFromProps<P>, unknown, unknown>(
    name,
    (value): value is OptionsFromProps<P> => complete.is(value),
    (input, context) => {
      if (input === undefined) return t.success(defaults)
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return t.failure(input, context)
      const given = input as Readonly<Record<string, unknown>>
      const errors: t.ValidationError[] = []
      for (const key of Object.keys(given)) {
        if (!Object.prototype.hasOwnProperty.call(props, key)) {
          errors.push({ value: given[key], context: [...context, { key, type: unknownOption(key, Object.keys(props)), actual: given[key] }] })
        }
      }
      const filled: Record<string, unknown> = { ...defaults }
      for (const key of Object.keys(given)) {
        if (given[key] !== undefined && Object.prototype.hasOwnProperty.call(props, key)) filled[key] = given[key]
      }
      const result = complete.validate(filled, context) as t.Validation<OptionsFromProps<P>>
      if (errors.length === 0) return result
      return t.failures(result._tag === 'Left' ? [...errors, ...result.left] : errors)
    },
    (value) => value,
  )
}

/** Options of a rule that has none. @category Rules */
export const noOptions = ruleOptions('NoOptions', {}, {})

/** A whole number, 1 or more. @category Rules */
export const PositiveInteger = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1, 'a whole number, 1 or more')

/** A finite number, 0 or more. @category Rules */
export const NonNegativeNumber = t.refinement(t.number, (n) => Number.isFinite(n) && n >= 0, 'a number, 0 or more')
