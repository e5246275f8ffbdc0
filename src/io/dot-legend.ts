import type { Model } from '../model/codecs.js'
import type { HighlightSets } from './highlight.js'
import { quoteDot } from './dot-quote.js'

/** The colours and line styles of a DOT drawing, shared by the drawing and its legend. @internal */
export const dotStyles = {
  red: '#d62728',
  grey: '#9e9e9e',
  green: '#2e7d32',
  layFill: '#fff4d6',
  professionalFill: '#e3eefc',
} as const

/**
 * A legend cluster for a DOT drawing: the two node shapes, then one sample line for
 * each line style the drawing uses (red: highlighted; grey dotted: not active; green
 * dashed: proposed). Legend nodes carry `id`s of their own (`legend-…`), so they are
 * never taken for actors in the SVG. @internal
 */
export const dotLegend = (model: Model, highlight: HighlightSets): ReadonlyArray<string> => {
  const lines = [
    '  subgraph cluster_legend {',
    '    label="Legend"; fontsize=11; color="#bdbdbd"; style=rounded;',
    '    node [fontsize=10, margin="0.1,0.05"];',
    `    legend_lay [id="legend-lay", label="lay voice", shape=box, style="rounded,filled", fillcolor="${dotStyles.layFill}"];`,
    `    legend_professional [id="legend-professional", label="professional", shape=box, style=filled, fillcolor="${dotStyles.professionalFill}"];`,
  ]
  const samples: Array<readonly [string, string, string]> = []
  if (highlight.channels.size > 0 || highlight.actors.size > 0) samples.push(['problem', 'problem (highlighted)', `color="${dotStyles.red}", penwidth=3`])
  if (model.channels.some((channel) => channel.status !== 'active')) samples.push(['inactive', 'inactive or planned', `color="${dotStyles.grey}", style=dotted`])
  if (highlight.proposed.length > 0) samples.push(['proposed', 'proposed repair', `style=dashed, color="${dotStyles.green}"`])
  for (const [name, text, style] of samples) {
    lines.push(
      `    legend_${name}_from [id="legend-${name}-from", shape=point, width=0.05, label=""];`,
      `    legend_${name} [id="legend-${name}", label=${quoteDot(text)}, shape=plaintext];`,
      `    legend_${name}_from -> legend_${name} [id="legend-${name}-line", ${style}];`,
    )
  }
  lines.push('  }')
  return lines
}
