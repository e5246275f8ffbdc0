import { diagnose } from '../../diagnose/diagnose.js'
import { highlightOf } from '../../diagnose/highlight.js'
import { findLoops } from '../../graph/loops.js'
import { toCytoscape } from '../../io/cytoscape.js'
import { toDot } from '../../io/dot.js'
import { toGexf } from '../../io/gexf.js'
import { toGraphML } from '../../io/graphml-write.js'
import { toKumu } from '../../io/kumu.js'
import { defaultMermaidMaxChannels, toMermaid } from '../../io/mermaid.js'
import type { Model } from '../../model/codecs.js'
import { choiceOption, integerOption, onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, usageFailure } from '../failure.js'
import { writeTextAtomically } from '../files.js'
import { loadModel } from '../model-input.js'

const targets = ['mermaid', 'dot', 'svg', 'graphml', 'gexf', 'cytoscape', 'kumu'] as const
type Target = (typeof targets)[number]

/** Graphviz in WebAssembly: no browser, no system Graphviz, no network. */
const renderSvg = async (dot: string): Promise<string> => {
  const { instance } = await import('@viz-js/viz')
  const viz = await instance()
  const result = viz.render(dot, { format: 'svg', engine: 'dot' })
  if (result.status !== 'success') {
    throw new CommandFailure(`Graphviz could not draw the model: ${result.errors.map((e) => e.message).join('; ')}`, exitCodes.usage)
  }
  return result.output
}

const render = async (model: Model, target: Target, highlighted: boolean, maxChannels: number): Promise<string> => {
  const highlight = highlighted ? highlightOf(diagnose(model)) : undefined
  const options = highlight === undefined ? {} : { highlight }
  switch (target) {
    case 'mermaid':
      return toMermaid(model, { ...options, maxChannels })
    case 'dot':
      return toDot(model, options)
    case 'svg':
      return renderSvg(toDot(model, options))
    case 'graphml':
      return toGraphML(model)
    case 'gexf':
      return toGexf(model)
    case 'cytoscape':
      return JSON.stringify(toCytoscape(model, options), null, 2)
    case 'kumu':
      return JSON.stringify(toKumu(model, { loops: findLoops(model).loops }), null, 2)
  }
}

/** `orgintel render`: draw or export a model in another format. @internal */
export const renderCommand: Command = {
  name: 'render',
  summary: 'draw or export a model: Mermaid, DOT, SVG, GraphML, GEXF, Cytoscape.js or Kumu',
  usage: `orgintel render <model.json|-> --to ${targets.join('|')} [--highlight] [--max-channels N] [-o file]`,
  options: { to: { type: 'string', short: 't' }, highlight: { type: 'boolean' }, 'max-channels': { type: 'string' }, ...outputOption },
  async run(parsed) {
    const model = loadModel(onePositional(parsed, 'model file'))
    if (stringOption(parsed, 'to') === undefined) throw usageFailure(`--to is required (${targets.join(', ')})`)
    const target = choiceOption(parsed, 'to', targets, 'mermaid')
    const highlighted = parsed.values['highlight'] === true
    if (highlighted && !['mermaid', 'dot', 'svg', 'cytoscape'].includes(target)) {
      throw usageFailure('--highlight works with mermaid, dot, svg and cytoscape')
    }
    // Mermaid renderers cannot draw very large graphs; refuse clearly rather than
    // writing a placeholder diagram and exiting 0.
    const maxChannels = integerOption(parsed, 'max-channels', defaultMermaidMaxChannels, 1)
    if (target === 'mermaid' && model.channels.length > maxChannels) {
      throw new CommandFailure(
        `the model has ${model.channels.length} channels, more than Mermaid can draw (limit ${maxChannels}); ` +
          'use --to dot, svg, graphml or gexf, or raise --max-channels',
        exitCodes.usage,
      )
    }
    const text = await render(model, target, highlighted, maxChannels)
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text.endsWith('\n') ? text : `${text}\n`)
    return exitCodes.ok
  },
}
