import { invariant } from './invariant.js'
import type { Rule } from './types.js'

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\/[a-z][a-z0-9]*(-[a-z0-9]+)*)?$/

/**
 * Define a diagnosis rule with its id and options types kept, so that a config naming
 * it is type-checked (`['warning', { maxLatencyDays: 14 }]`). Ids are kebab-case,
 * optionally prefixed by a plugin name (`my-trust/no-board-story`).
 *
 * @example
 * {@includeCode ../../examples/custom-rule.ts#custom-rule}
 * @category Rules
 */
export const defineRule = <const Id extends string, Options>(rule: Rule<Id, Options>): Rule<Id, Options> => {
  invariant(kebabCase.test(rule.id), `rule id ${JSON.stringify(rule.id)} is not kebab-case`)
  return rule
}
