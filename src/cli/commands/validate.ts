import { formatModelErrors } from '../../model/errors.js'
import { modelWarnings } from '../../model/warnings.js'
import { onePositional } from '../args.js'
import type { Command } from '../command.js'
import { exitCodes } from '../failure.js'
import { describePath } from '../files.js'
import { loadModel } from '../model-input.js'
import { countOf } from '../../diagnose/format-text.js'

/** `orgintel validate`: check a model and print its errors and warnings. @internal */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a model document; print its errors and warnings',
  usage: 'orgintel validate <model.json|->',
  options: {},
  async run(parsed) {
    const given = onePositional(parsed, 'model file')
    const model = loadModel(given)
    const path = given === '-' ? given : describePath(given)
    const warnings = modelWarnings(model)
    if (warnings.length > 0) {
      for (const line of formatModelErrors(warnings).split('\n')) process.stderr.write(`${path}: warning: ${line}\n`)
    }
    process.stdout.write(
      `${path}: valid orgintel/v2 model '${model.id}': ${countOf(model.actors.length, 'actor')}, ${countOf(model.assets.length, 'asset')}, ` +
        `${countOf(model.channels.length, 'channel')}, ${countOf(model.loops.length, 'declared loop')}, ${countOf(warnings.length, 'warning')}\n`,
    )
    return exitCodes.ok
  },
}
