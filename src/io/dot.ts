import { compileCarriage } from '../graph/carriage.js'
import { carriedAssetsByChannel } from '../graph/carried.js'
import { compileGraph } from '../graph/compile.js'
import type { Actor, Channel, Model } from '../model/codecs.js'
import { dotLegend, dotStyles } from './dot-legend.js'
import { quoteDot, quoteDotLines } from './dot-quote.js'
import { actorsByLevel, highlightSets, levelTitle, nodeIds, type Highlight } from './highlight.js'
import { displayText, wrapWords } from './text.js'

/**
 * Options for {@link toDot}.
 * @category Interop
 */
export interface DotOptions {
  /** Channels and actors to draw red, repairs to draw dashed. */
  readonly highlight?: Highlight
  /** Graphviz `rankdir` (default `LR`). */
  readonly direction?: 'LR' | 'RL' | 'TB' | 'BT'
  /** Label nodes with actor names (default) or with actor ids. */
  readonly label?: 'name' | 'id'
  /** Label each channel with the names of the knowledge assets it carries (default `false`). */
  readonly channelLabels?: boolean
  /** Add a legend of the node shapes and of the line styles the drawing uses (default `false`). */
  readonly legend?: boolean
}

const { red, grey, green } = dotStyles

const nodeLine = (actor: Actor, id: string, text: string, highlighted: boolean): string => {
  const lay = actor.perspective === 'lay'
  const style = lay ? '"rounded,filled"' : 'filled'
  const fill = `"${lay ? dotStyles.layFill : dotStyles.professionalFill}"`
  const border = highlighted ? `, color="${red}", penwidth=3` : ''
  return `    ${id} [label=${quoteDotLines(wrapWords(text))}, shape=box, style=${style}, fillcolor=${fill}, class=${lay ? 'lay' : 'professional'}${border}];`
}

/** The longest channel label, in characters, before it is shortened. */
const maxChannelLabelLength = 60

/**
 * What a channel carries, by the assets' names (ids for assets the model lacks), for its
 * label: for an active channel what actually travels on it (the graph's one definition:
 * listed, and had by its sender); for one that is not active, what it lists, which is
 * what it would carry.
 */
const carriedText = (channel: Channel, carried: ReadonlyMap<string, ReadonlyArray<string>>, assetNames: ReadonlyMap<string, string>): string =>
  displayText((channel.status === 'active' ? (carried.get(channel.id) ?? []) : channel.carries).map((id) => assetNames.get(id) ?? id).join(', '), maxChannelLabelLength)

/**
 * Render a model as a Graphviz DOT digraph: one cluster per level (an actor sits in the
 * lowest level it takes part in), lay actors as rounded boxes, professional actors as
 * square boxes, channels as edges in model order (inactive and planned channels grey and
 * dotted), highlighted channels and actors red (a highlighted channel that is not active
 * stays dotted), proposed channels dashed and green.
 *
 * Node ids are generated (`n0`, `n1`, … in actor order); labels are quoted and
 * escaped (see `quoteDot`), bidirectional controls removed, names shortened to 120
 * characters and wrapped onto lines of at most 22, in boxes with room to spare, so
 * text fits under fonts wider than Helvetica; no id or name can break the graph or
 * inject markup into the SVG Graphviz draws. With `channelLabels` each channel is
 * labelled with the names of the assets it carries (shortened to 60 characters); with
 * `legend` a cluster explains the node shapes and the line styles used. Renders with `@viz-js/viz` and `dot`. O(V + E) time; the text grows
 * by about 30 characters a channel (a 1,000,000-channel model gives about 30 MB) and
 * has no size limit, but Graphviz layouts of more than a few thousand edges are slow.
 * @category Interop
 */
export const toDot = (model: Model, options: DotOptions = {}): string => {
  const ids = nodeIds(model)
  const highlight = highlightSets(model, options.highlight)
  const label = options.label ?? 'name'
  const lines: string[] = [
    `digraph ${quoteDot(displayText(model.id))} {`,
    `  graph [rankdir=${options.direction ?? 'LR'}, fontname="Helvetica"];`,
    '  node [fontname="Helvetica", margin="0.2,0.1"];',
    '  edge [fontname="Helvetica"];',
  ]
  actorsByLevel(model).forEach(([level, actors], index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${quoteDot(levelTitle(level))};`)
    for (const actor of actors) {
      const id = ids.get(actor.id)!
      const text = displayText(label === 'id' ? actor.id : actor.name).trim()
      lines.push(nodeLine(actor, id, text === '' ? id : text, highlight.actors.has(actor.id)))
    }
    lines.push('  }')
  })
  const assetNames = new Map(options.channelLabels === true ? model.assets.map((asset) => [asset.id as string, asset.name]) : [])
  const carriedOn = options.channelLabels === true ? carriedAssetsByChannel(compileCarriage(compileGraph(model))) : new Map<string, ReadonlyArray<string>>()
  for (const channel of model.channels) {
    const from = ids.get(channel.from)
    const to = ids.get(channel.to)
    if (from === undefined || to === undefined) continue
    // A channel that is not active stays dotted when highlighted, so it never looks like an active one.
    const dotted = channel.status === 'active' ? [] : ['style=dotted']
    const style = highlight.channels.has(channel.id) ? [`color="${red}"`, 'penwidth=3', ...dotted] : dotted.length === 0 ? [] : [`color="${grey}"`, ...dotted]
    const carried = options.channelLabels === true ? carriedText(channel, carriedOn, assetNames) : ''
    const attributes = [...style, ...(carried === '' ? [] : [`label=${quoteDot(carried)}`, 'fontsize=10'])]
    lines.push(`  ${from} -> ${to}${attributes.length === 0 ? '' : ` [${attributes.join(', ')}]`};`)
  }
  for (const channel of highlight.proposed) {
    lines.push(`  ${ids.get(channel.from)!} -> ${ids.get(channel.to)!} [style=dashed, color="${green}"];`)
  }
  if (options.legend === true) lines.push(...dotLegend(model, highlight))
  lines.push('}')
  return `${lines.join('\n')}\n`
}
