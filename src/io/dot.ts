import type { Actor, Model } from '../model/codecs.js'
import { actorsByLevel, highlightSets, levelTitle, nodeIds, type Highlight } from './highlight.js'
import { displayText } from './text.js'

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
}

/**
 * Quote text as a DOT string whose label is shown literally: backslashes (which start
 * Graphviz escapes such as `\N`) and quotes are escaped, and `&`, `<`, `>` become
 * entities because Graphviz decodes entities in labels.
 * @internal
 */
export const quoteDot = (text: string): string =>
  `"${text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"`

const red = '#d62728'

const nodeLine = (actor: Actor, id: string, text: string, highlighted: boolean): string => {
  const lay = actor.perspective === 'lay'
  const style = lay ? '"rounded,filled"' : 'filled'
  const fill = lay ? '"#fff4d6"' : '"#e3eefc"'
  const border = highlighted ? `, color="${red}", penwidth=3` : ''
  return `    ${id} [label=${quoteDot(text)}, shape=box, style=${style}, fillcolor=${fill}, class=${lay ? 'lay' : 'professional'}${border}];`
}

/**
 * Render a model as a Graphviz DOT digraph: one cluster per level (an actor sits in the
 * lowest level it takes part in), lay actors as rounded boxes, professional actors as
 * square boxes, channels as edges in model order (inactive and planned channels grey and
 * dotted), highlighted channels and actors red (a highlighted channel that is not active
 * stays dotted), proposed channels dashed and green.
 *
 * Node ids are generated (`n0`, `n1`, … in actor order); labels are quoted and
 * escaped (see `quoteDot`), bidirectional controls removed and names shortened to
 * 120 characters, so no id or name can break the graph or inject markup into the SVG
 * Graphviz draws. Renders with `@viz-js/viz` and `dot`. O(V + E) time; the text grows
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
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
  ]
  actorsByLevel(model).forEach(([level, actors], index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${quoteDot(levelTitle(level))};`)
    for (const actor of actors) {
      const id = ids.get(actor.id)!
      const text = displayText(label === 'id' ? actor.id : actor.name)
      lines.push(nodeLine(actor, id, text.trim() === '' ? id : text, highlight.actors.has(actor.id)))
    }
    lines.push('  }')
  })
  for (const channel of model.channels) {
    const from = ids.get(channel.from)
    const to = ids.get(channel.to)
    if (from === undefined || to === undefined) continue
    // A channel that is not active stays dotted when highlighted, so it never looks like an active one.
    const dotted = channel.status === 'active' ? '' : ', style=dotted'
    const style = highlight.channels.has(channel.id) ? ` [color="${red}", penwidth=3${dotted}]` : dotted === '' ? '' : ` [color="#9e9e9e"${dotted}]`
    lines.push(`  ${from} -> ${to}${style};`)
  }
  for (const channel of highlight.proposed) {
    lines.push(`  ${ids.get(channel.from)!} -> ${ids.get(channel.to)!} [style=dashed, color="#2e7d32"];`)
  }
  lines.push('}')
  return `${lines.join('\n')}\n`
}
