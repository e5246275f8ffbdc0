import type { Model } from '../model/codecs.js'
import { graphmlKeys } from './graphml-keys.js'
import { escapeXml, joinList } from './text.js'

const data = (key: string, value: string | number | boolean | undefined): string =>
  value === undefined ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`

const listValue = (values: ReadonlyArray<string>): string | undefined =>
  values.length === 0 ? undefined : joinList(values)

/**
 * Write a model as GraphML for yEd, Gephi, Cytoscape desktop and networkx
 * (`nx.read_graphml` gives a `MultiDiGraph` when channels run in parallel). A directed
 * graph: one `<node>` per actor (id = actor id) and one `<edge>` per channel
 * (id = channel id), with a `<key>` declared for every attribute:
 *
 * - actors: `name`, `kind`, `perspective`, `levels`, `tags` (string) and `lay` (boolean, derived);
 * - channels: `carries`, `level`, `status`, `polarity` (string), `latencyDays`, `reliability` (double);
 * - graph: `schema`, `id`, `name`, `description`, and `assets` and `loops` as JSON text.
 *
 * Lists (`levels`, `tags`, `carries`) are `|`-joined, with `\|` and `\\` for a bar or
 * backslash inside a value. {@link fromGraphML} reads the file back without loss.
 * O(size of the model) time.
 * @category Interop
 */
export const toGraphML = (model: Model): string => {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]
  for (const key of graphmlKeys) {
    lines.push(`  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`)
  }
  lines.push(`  <graph id="${escapeXml(model.id, true)}" edgedefault="directed">`)
  lines.push(
    `    ${data('g_schema', model.schema)}${data('g_id', model.id)}${data('g_name', model.name)}${data('g_description', model.description)}`,
    `    ${data('g_assets', JSON.stringify(model.assets))}`,
    `    ${data('g_loops', JSON.stringify(model.loops))}`,
  )
  for (const actor of model.actors) {
    lines.push(
      `    <node id="${escapeXml(actor.id, true)}">${data('a_name', actor.name)}${data('a_kind', actor.kind)}${data('a_perspective', actor.perspective)}${data('a_levels', listValue(actor.levels))}${data('a_tags', listValue(actor.tags))}${data('a_lay', actor.perspective === 'lay')}</node>`,
    )
  }
  for (const channel of model.channels) {
    lines.push(
      `    <edge id="${escapeXml(channel.id, true)}" source="${escapeXml(channel.from, true)}" target="${escapeXml(channel.to, true)}">${data('c_carries', listValue(channel.carries))}${data('c_level', channel.level)}${data('c_status', channel.status)}${data('c_latencyDays', channel.latencyDays)}${data('c_reliability', channel.reliability)}${data('c_polarity', channel.polarity)}</edge>`,
    )
  }
  lines.push('  </graph>', '</graphml>')
  return `${lines.join('\n')}\n`
}
