import { findLoops } from '../../graph/loops.js'
import type { Loop } from '../../graph/types.js'
import type { ActorId } from '../../model/primitives.js'
import { Level } from '../../model/vocabulary.js'
import { choiceOption, integerOption, onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, usageFailure } from '../failure.js'
import { writeTextAtomically } from '../files.js'
import { loadModel } from '../model-input.js'
import { countOf } from '../../diagnose/format-text.js'

const describe = (loop: Loop): string =>
  `${[...loop.actors, loop.actors[0]].join(' -> ')}  [${loop.order} loop; ${loop.levels.join(', ')}; ` +
  `${loop.layActors} lay, ${loop.professionalActors} professional; ${countOf(loop.latencyDays, 'day')}; ` +
  `reliability ${loop.reliability.toFixed(3)}; ${loop.polarity}]`

/** `orgintel loops`: list the elementary cycles of active channels. @internal */
export const loopsCommand: Command = {
  name: 'loops',
  summary: 'list the loops (elementary cycles of active channels) in a model',
  usage: 'orgintel loops <model.json|-> [--max-length N] [--max-loops N] [--through actor] [--level L] [--format text|json] [-o file]',
  options: {
    'max-length': { type: 'string' },
    'max-loops': { type: 'string' },
    through: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string', short: 'f' },
    ...outputOption,
  },
  async run(parsed) {
    const model = loadModel(onePositional(parsed, 'model file'))
    const through = stringOption(parsed, 'through')
    if (through !== undefined && !model.actors.some((actor) => actor.id === through)) {
      throw usageFailure(`--through names actor ${JSON.stringify(through.slice(0, 64))}, which is not in the model`)
    }
    const level = stringOption(parsed, 'level')
    if (level !== undefined && !Level.is(level)) throw usageFailure('--level must be one of delivery, planning, strategy')
    const search = findLoops(model, {
      maxLength: integerOption(parsed, 'max-length', 12, 1),
      maxLoops: integerOption(parsed, 'max-loops', 10_000, 1),
      ...(through === undefined ? {} : { through: through as ActorId }),
      ...(level === undefined ? {} : { level }),
    })
    const format = choiceOption(parsed, 'format', ['text', 'json'], 'text')
    const text =
      format === 'json'
        ? `${JSON.stringify(search, null, 2)}\n`
        : `${search.loops.map(describe).join('\n')}${search.loops.length > 0 ? '\n' : ''}` +
          `${countOf(search.loops.length, 'loop')}${search.truncated ? ' (truncated: a bound stopped the search; raise --max-length or --max-loops)' : ''}\n`
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text)
    return exitCodes.ok
  },
}
