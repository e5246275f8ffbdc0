/**
 * Draw an orgintel model as Graphviz DOT for the documentation: lay actors as warm
 * ellipses, professional actors as blue boxes, inactive channels dotted, and `planned`
 * channels (the repair a guide page proposes) as thick green dashed arrows. Edge
 * labels name the kinds of knowledge carried, with latency and polarity where given.
 *
 * Docs-only: the library's own `toDot` (orgintel/io) is the public renderer. This one
 * exists so guide diagrams can show repairs in the site's palette.
 */
import type { Model } from '../src/index.js'
import { palette } from './docs-svg.js'

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`

/** Wrap a label onto lines of about `width` characters so nodes stay compact. */
const wrap = (text: string, width = 18): string => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else {
      line = line.length === 0 ? word : `${line} ${word}`
    }
  }
  if (line.length > 0) lines.push(line)
  return lines.join('\n')
}

/** Options for {@link modelToDot}. */
export interface ModelDotOptions {
  /** `LR` (default) or `TB`. */
  readonly direction?: 'LR' | 'TB'
  /** Show `+`/`-`/`?` on every edge (default: only where a polarity is given). */
  readonly showPolarity?: boolean
  /** Less space between nodes and ranks, for a whole model in a page's column. */
  readonly compact?: boolean
}

/** Convert a decoded model into DOT text. O(actors + channels). */
export const modelToDot = (model: Model, options: ModelDotOptions = {}): string => {
  const nodeOf = new Map<string, string>()
  model.actors.forEach((actor, index) => nodeOf.set(actor.id, `actor${index}`))
  const kindOf = new Map<string, string>()
  for (const asset of model.assets) kindOf.set(asset.id, asset.kind)
  const lines: string[] = [
    'digraph model {',
    `  graph [rankdir=${options.direction ?? 'LR'}, bgcolor="white", fontname="Arial", ${options.compact === true ? 'nodesep=0.25, ranksep=0.45' : 'nodesep=0.5, ranksep=0.7'}, pad=0.2];`,
    `  node [fontname="Arial", fontsize=11, color=${quote(palette.darkBlue)}, fontcolor=${quote(palette.text)}, style="filled", penwidth=1.2];`,
    `  edge [fontname="Arial", fontsize=9, color=${quote(palette.secondaryText)}, fontcolor=${quote(palette.secondaryText)}, arrowsize=0.7];`,
  ]
  for (const actor of model.actors) {
    const lay = actor.perspective === 'lay'
    const shape = lay ? 'ellipse' : 'box'
    const fill = lay ? palette.layFill : palette.professionalFill
    const style = lay ? 'filled' : 'filled,rounded'
    lines.push(`  ${nodeOf.get(actor.id)} [label=${quote(wrap(actor.name))}, shape=${shape}, style=${quote(style)}, fillcolor=${quote(fill)}];`)
  }
  for (const channel of model.channels) {
    const from = nodeOf.get(channel.from)
    const to = nodeOf.get(channel.to)
    if (from === undefined || to === undefined) continue
    const kinds = [...new Set(channel.carries.map((id) => kindOf.get(id) ?? id))]
    const parts = [kinds.join(', ')]
    if (channel.latencyDays !== undefined) parts.push(`${channel.latencyDays} d`)
    if (channel.polarity !== undefined || options.showPolarity === true) parts.push(channel.polarity === '-' ? '\u2212' : channel.polarity ?? '?')
    const label = parts.filter((part) => part.length > 0).join(' · ')
    const attributes = [`label=${quote(label)}`]
    if (channel.status === 'planned') {
      attributes.push(`color=${quote(palette.green)}`, `fontcolor=${quote(palette.green)}`, 'style="dashed"', 'penwidth=2.2')
    } else if (channel.status === 'inactive') {
      attributes.push('style="dotted"', `color=${quote(palette.red)}`, `fontcolor=${quote(palette.red)}`)
    }
    lines.push(`  ${from} -> ${to} [${attributes.join(', ')}];`)
  }
  lines.push('}')
  return `${lines.join('\n')}\n`
}
