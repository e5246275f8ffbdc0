/**
 * The quick-start demo: validate a bundled example model (Ward 7's "you said, we
 * did" loop by default, or the file named on the command line), say what it contains,
 * then print its diagnosis with actor names, the repairs that would close its open
 * loops, and the scorecard.
 *
 *   npm run demo
 *   npm run demo -- examples/models/health-and-wellbeing-board.json
 */
import { readFileSync } from 'node:fs'
import { diagnose, formatDiagnosis, formatModelErrors, modelWarnings, parseModel } from '../src/index.js'

const path = process.argv[2] ?? 'examples/models/ward-you-said-we-did.json'
const result = parseModel(readFileSync(path, 'utf8'))
if (result._tag === 'Left') {
  process.stderr.write(`${path} is not a valid model:\n${formatModelErrors(result.left)}\n`)
  process.exit(1)
}
const model = result.right
const lay = model.actors.filter((actor) => actor.perspective === 'lay').length
process.stdout.write(
  `${model.name} (${path})\n` +
    `  ${model.actors.length} actors (${lay} lay, ${model.actors.length - lay} professional), ` +
    `${model.assets.length} knowledge assets, ${model.channels.length} channels, ${model.loops.length} declared loops\n`,
)
const warnings = modelWarnings(model)
if (warnings.length > 0) process.stdout.write(`  warnings:\n${formatModelErrors(warnings).replace(/^/gm, '    ')}\n`)
process.stdout.write('\n')
process.stdout.write(formatDiagnosis(diagnose(model, { names: true }), 'text'))
process.stdout.write('\n')
