/**
 * A custom diagnosis rule, declared with `defineRule` and added to a diagnosis as a plugin.
 * Run: `npx tsx examples/custom-rule.ts`.
 */
import assert from 'node:assert/strict'

// #region custom-rule
import { readFileSync } from 'node:fs'
import { defineRule, diagnose, formatModelErrors, noOptions, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/health-and-wellbeing-board.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// Every board member who holds a strategy should hear lay experience directly.
const strategyHearsStories = defineRule({
  id: 'local/strategy-hears-stories',
  description: 'A holder of a strategy to whom no channel carries experience directly.',
  defaultSeverity: 'info',
  options: noOptions,
  check: (context) =>
    context.model.assets
      .filter((asset) => asset.kind === 'strategy')
      .filter(
        (asset) =>
          !context.model.channels.some(
            (channel) =>
              channel.to === asset.holder &&
              channel.status === 'active' &&
              channel.carries.some((id) => context.asset(id)?.kind === 'experience'),
          ),
      )
      .map((asset) => ({
        message: `${context.naming.actor(asset.holder)} sets strategy without hearing experience directly.`,
        actors: [asset.holder],
        channels: [],
      })),
})
const withPlugin = diagnose(model, { plugins: [strategyHearsStories], rules: { 'local/strategy-hears-stories': 'warning' } })
const found = withPlugin.defects.filter((defect) => defect.rule === 'local/strategy-hears-stories')
console.log(`${found.length} strategy holder(s) hear no experience directly`, found.map((defect) => defect.message))
// #endregion custom-rule

assert.ok(withPlugin.options.rules.some((rule) => rule.id === 'local/strategy-hears-stories'))
