import { describe, expect, it } from 'vitest'
import { parseDiagnosisConfig } from '../../src/diagnose/config.js'

const messagesOf = (input: unknown): ReadonlyArray<string> => {
  const result = parseDiagnosisConfig(input)
  return result._tag === 'Left' ? result.left.map((error) => `${error.path} ${error.message}`) : []
}

describe('diagnosis configs: a misspelt name gets a suggestion', () => {
  it('for a field, a rule id and a rule option, all in one pass', () => {
    const messages = messagesOf({ rulez: {}, rules: { 'open-lop': 'off', 'open-loop': ['warning', { involvingLey: true }] } })
    expect(messages).toHaveLength(3)
    expect(messages[0]).toMatch(/^\/rulez .*Did you mean "rules"\?$/)
    expect(messages.some((message) => message.startsWith('/rules/open-lop ') && message.includes('Did you mean "open-loop"?'))).toBe(true)
    expect(messages.some((message) => message.startsWith('/rules/open-loop/1/involvingLey ') && message.includes("did you mean 'involvingLay'?"))).toBe(true)
  })
})
