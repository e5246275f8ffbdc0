import { countOf } from '../../diagnose/format-text.js'
import { diagnose } from '../../diagnose/diagnose.js'
import { highlightOf } from '../../diagnose/highlight.js'
import { findLoops } from '../../graph/loops.js'
import { toCytoscape } from '../../io/cytoscape.js'
import { toDot } from '../../io/dot.js'
import { nameSvgTitles } from '../../io/svg-titles.js'
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
const directions = ['LR', 'TB', 'RL', 'BT'] as const

/**
 * Above this many actors or channels, `dot`'s layered layout takes tens of seconds (a
 * 600-actor, 2,400-channel model: 40 s with clusters, 17 s even with straight lines),
 * so the drawing uses `sfdp`, Graphviz's force-directed layout for large graphs (about
 * 3 s), which has no level clusters or direction.
 */
const layeredLayoutLimits = { actors: 200, channels: 600 } as const

const largeModel = (model: Model): boolean =>
  model.actors.length > layeredLayoutLimits.actors || model.channels.length > layeredLayoutLimits.channels

/** Graphviz in WebAssembly: no browser, no system Graphviz, no network. */
const renderSvg = async (model: Model, dot: string): Promise<string> => {
  const large = largeModel(model)
  // Graphviz cannot report progress from inside a layout: say what is being drawn, and when it is done.
  if (large) process.stderr.write(`orgintel render: drawing ${countOf(model.actors.length, 'actor')} and ${countOf(model.channels.length, 'channel')} with Graphviz's sfdp layout (a large model: no level clusters)...\n`)
  const started = performance.now()
  const { instance } = await import('@viz-js/viz')
  const viz = await instance()
  const result = large
    ? viz.render(dot, { format: 'svg', engine: 'sfdp', graphAttributes: { overlap: 'scale', splines: 'false', outputorder: 'edgesfirst' } })
    : viz.render(dot, { format: 'svg', engine: 'dot' })
  if (result.status !== 'success') {
    throw new CommandFailure(`Graphviz could not draw the model: ${result.errors.map((e) => e.message).join('; ')}`, exitCodes.usage)
  }
  if (large) process.stderr.write(`orgintel render: drawn in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  return nameSvgTitles(result.output, model)
}

interface RenderOptions {
  readonly highlighted: boolean
  readonly maxChannels: number
  readonly direction: (typeof directions)[number]
  readonly channelLabels: boolean
}

const render = async (model: Model, target: Target, { highlighted, maxChannels, direction, channelLabels }: RenderOptions): Promise<string> => {
  const highlight = highlighted ? highlightOf(diagnose(model)) : undefined
  const options = { direction, ...(highlight === undefined ? {} : { highlight }) }
  switch (target) {
    case 'mermaid':
      return toMermaid(model, { ...options, maxChannels })
    case 'dot':
      return toDot(model, { ...options, channelLabels })
    case 'svg':
      return renderSvg(model, toDot(model, { ...options, channelLabels, legend: true }))
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
  usage:
    `orgintel render <model.json|-> --to ${targets.join('|')} [--highlight] [--direction LR|TB|RL|BT] [--labels] [--max-channels N] [-o file]\n` +
    '       (--direction: the flow of mermaid, dot and svg drawings, default LR; --labels: label dot and svg channels with what\n' +
    '        they carry, by name. svg adds a legend, shows levels as clusters and names in hover titles; a model of more than\n' +
    `        ${layeredLayoutLimits.actors} actors or ${layeredLayoutLimits.channels.toLocaleString('en-GB')} channels is drawn with a force-directed layout, without clusters)`,
  options: {
    to: { type: 'string', short: 't' },
    highlight: { type: 'boolean' },
    direction: { type: 'string' },
    labels: { type: 'boolean' },
    'max-channels': { type: 'string' },
    ...outputOption,
  },
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
    const direction = choiceOption(parsed, 'direction', directions, 'LR')
    const channelLabels = parsed.values['labels'] === true
    if (stringOption(parsed, 'direction') !== undefined && !['mermaid', 'dot', 'svg'].includes(target)) throw usageFailure('--direction works with mermaid, dot and svg')
    if (channelLabels && !['dot', 'svg'].includes(target)) throw usageFailure('--labels works with dot and svg')
    const text = await render(model, target, { highlighted, maxChannels, direction, channelLabels })
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text.endsWith('\n') ? text : `${text}\n`)
    return exitCodes.ok
  },
}
