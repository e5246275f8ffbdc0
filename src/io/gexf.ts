import type { Model } from '../model/codecs.js'
import { modelIds } from './model-ids.js'
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
 * Write a model as GEXF 1.2draft (namespace `http://www.gexf.net/1.2draft`), the version
 * that Gephi, every networkx (`read_gexf`; networkx 2.8 reads no 1.3 file), graphology
 * and sigma.js read. A directed
 * static graph with declared attributes: node `label` is the actor name, node
 * attributes `kind`, `perspective`, `levels`, `tags` (string) and `lay` (boolean);
 * edge attributes `carries`, `level`, `status`, `polarity` (string), `latencyDays`,
 * `reliability` (double). Parallel channels are separate edges with the channel id as
 * edge id. Lists are `|`-joined as in {@link toGraphML}. Assets and declared loops are
 * not included: use GraphML for a lossless copy. Text and ids that XML cannot carry are
 * handled as in {@link toGraphML}. O(size of the model) time.
 * @category Interop
 */
export const toGexf = (model: Model): string => {
  const ids = modelIds(model)
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
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
    lines.push(`      <node id="${escapeXml(ids.actor(actor.id), true)}" label="${escapeXml(actor.name, true)}">${values}</node>`)
  }
  lines.push('    </nodes>', '    <edges>')
  for (const channel of model.channels) {
    const values = attvalues([
      ['carries', joinList(channel.carries.map(ids.asset))],
      ['level', channel.level],
      ['status', channel.status],
      ['latencyDays', channel.latencyDays],
      ['reliability', channel.reliability],
      ['polarity', channel.polarity],
    ])
    lines.push(
      `      <edge id="${escapeXml(ids.channel(channel.id), true)}" source="${escapeXml(ids.actor(channel.from), true)}" target="${escapeXml(ids.actor(channel.to), true)}">${values}</edge>`,
    )
  }
  lines.push('    </edges>', '  </graph>', '</gexf>')
  return `${lines.join('\n')}\n`
}
