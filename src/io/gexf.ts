import type { Model } from '../model/codecs.js'
import { escapeXml, joinList } from './text.js'

const nodeAttributes = [
  ['kind', 'string'],
  ['perspective', 'string'],
  ['levels', 'string'],
  ['tags', 'string'],
  ['lay', 'boolean'],
] as const
const edgeAttributes = [
  ['carries', 'string'],
  ['level', 'string'],
  ['status', 'string'],
  ['latencyDays', 'double'],
  ['reliability', 'double'],
  ['polarity', 'string'],
] as const

const declare = (kind: 'node' | 'edge', attributes: ReadonlyArray<readonly [string, string]>): string[] => [
  `    <attributes class="${kind}" mode="static">`,
  ...attributes.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${type}"/>`),
  '    </attributes>',
]

const attvalues = (values: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string => {
  const present = values.filter(([, value]) => value !== undefined)
  if (present.length === 0) return ''
  return `<attvalues>${present.map(([name, value]) => `<attvalue for="${name}" value="${escapeXml(String(value), true)}"/>`).join('')}</attvalues>`
}

/**
 * Write a model as GEXF 1.3 for Gephi (also read by networkx's `read_gexf`). A directed
 * static graph with declared attributes: node `label` is the actor name, node
 * attributes `kind`, `perspective`, `levels`, `tags` (string) and `lay` (boolean);
 * edge attributes `carries`, `level`, `status`, `polarity` (string), `latencyDays`,
 * `reliability` (double). Parallel channels are separate edges with the channel id as
 * edge id. Lists are `|`-joined as in {@link toGraphML}. Assets and declared loops are
 * not included: use GraphML for a lossless copy. O(size of the model) time.
 * @category Interop
 */
export const toGexf = (model: Model): string => {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>orgintel</creator><description>${escapeXml(model.name)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare('node', nodeAttributes),
    ...declare('edge', edgeAttributes),
    '    <nodes>',
  ]
  for (const actor of model.actors) {
    const values = attvalues([
      ['kind', actor.kind],
      ['perspective', actor.perspective],
      ['levels', joinList(actor.levels)],
      ['tags', joinList(actor.tags)],
      ['lay', actor.perspective === 'lay'],
    ])
    lines.push(`      <node id="${escapeXml(actor.id, true)}" label="${escapeXml(actor.name, true)}">${values}</node>`)
  }
  lines.push('    </nodes>', '    <edges>')
  for (const channel of model.channels) {
    const values = attvalues([
      ['carries', joinList(channel.carries)],
      ['level', channel.level],
      ['status', channel.status],
      ['latencyDays', channel.latencyDays],
      ['reliability', channel.reliability],
      ['polarity', channel.polarity],
    ])
    lines.push(
      `      <edge id="${escapeXml(channel.id, true)}" source="${escapeXml(channel.from, true)}" target="${escapeXml(channel.to, true)}">${values}</edge>`,
    )
  }
  lines.push('    </edges>', '  </graph>', '</gexf>')
  return `${lines.join('\n')}\n`
}
