import { defaultLoopBounds } from '../../graph/loops.js'
import type { Loop } from '../../graph/types.js'
import type { ActorId } from '../../model/primitives.js'
import { levels } from '../../model/vocabulary.js'
import { choiceOption, integerOption, onePositional, optionalChoiceOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, usageFailure } from '../failure.js'
import { writeTextAtomically } from '../files.js'
import { type LoopBound, searchLoops } from '../loop-search.js'
import { loadModel } from '../model-input.js'
import { countOf } from '../../diagnose/format-text.js'

const describe = (loop: Loop): string =>
  `${[...loop.actors, loop.actors[0]].join(' -> ')}  [${loop.order} loop; ${loop.levels.join(', ')}; ` +
  `${loop.layActors} lay, ${loop.professionalActors} professional; ${countOf(loop.latencyDays, 'day')}; ` +
  `reliability ${loop.reliability.toFixed(3)}; ${loop.polarity}]`

const boundMessages: Readonly<Record<LoopBound, (bounds: { maxLength: number; maxLoops: number; budget: number }) => string>> = {
  'max-loops': ({ maxLoops }) => `--max-loops ${maxLoops} was reached and more loops exist; raise --max-loops to see them`,
  'max-length': ({ maxLength }) => `loops longer than --max-length ${maxLength} may exist; raise --max-length to find them`,
  budget: ({ budget }) => `the search budget of ${budget.toLocaleString('en-GB')} steps ran out; raise --budget to search further`,
}

/** `orgintel loops`: list the elementary cycles of active channels. @internal */
export const loopsCommand: Command = {
  name: 'loops',
  summary: 'list the loops (elementary cycles of active channels) in a model',
  usage:
    'orgintel loops <model.json|-> [--max-length N] [--max-loops N] [--budget STEPS] [--through actor] [--level L] [--format text|json] [-o file]\n' +
    `       (defaults: --max-length ${defaultLoopBounds.maxLength}, --max-loops ${defaultLoopBounds.maxLoops}, --budget ${defaultLoopBounds.budget} search steps;\n` +
    '        when one stops the search early the output says which)',
  options: {
    budget: { type: 'string' },
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
    const level = optionalChoiceOption(parsed, 'level', levels)
    const bounds = {
      maxLength: integerOption(parsed, 'max-length', defaultLoopBounds.maxLength, 1),
      maxLoops: integerOption(parsed, 'max-loops', defaultLoopBounds.maxLoops, 1),
      budget: integerOption(parsed, 'budget', defaultLoopBounds.budget, 1),
    }
    const search = searchLoops(model, {
      ...bounds,
      ...(through === undefined ? {} : { through: through as ActorId }),
      ...(level === undefined ? {} : { level }),
    })
    const format = choiceOption(parsed, 'format', ['text', 'json'], 'text')
    const text =
      format === 'json'
        ? `${JSON.stringify(search, null, 2)}\n`
        : `${search.loops.map(describe).join('\n')}${search.loops.length > 0 ? '\n' : ''}` +
          `${countOf(search.loops.length, 'loop')}${search.stoppedBy === undefined ? '' : ` (truncated: ${boundMessages[search.stoppedBy](bounds)})`}\n`
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text)
    return exitCodes.ok
  },
}
