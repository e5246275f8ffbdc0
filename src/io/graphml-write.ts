import type { DeclaredLoop, KnowledgeAsset, Model } from '../model/codecs.js'
import { graphmlKeys } from './graphml-keys.js'
import { modelIds, type ModelIds } from './model-ids.js'
import { escapeXml, joinList, jsonForXml } from './text.js'

const data = (key: string, value: string | number | boolean | undefined): string =>
  value === undefined ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`

const listValue = (values: ReadonlyArray<string>): string | undefined =>
  values.length === 0 ? undefined : joinList(values)

// The schema's fields only, named one by one: a field that a model built in code
// carries beyond them (a private note, a deep structure) is never written or walked.
const assetRecord = (asset: KnowledgeAsset, ids: ModelIds): object => ({
  id: ids.asset(asset.id),
  name: asset.name,
  kind: asset.kind,
  holder: ids.actor(asset.holder),
  acknowledged: asset.acknowledged,
  ...(asset.derivedFrom === undefined ? {} : { derivedFrom: asset.derivedFrom.map(ids.asset) }),
})

const loopRecord = (loop: DeclaredLoop, ids: ModelIds): object => ({
  id: ids.loop(loop.id),
  name: loop.name,
  level: loop.level,
  through: loop.through.map(ids.actor),
  ...(loop.maxLatencyDays === undefined ? {} : { maxLatencyDays: loop.maxLatencyDays }),
  ...(loop.source === undefined ? {} : { source: ids.asset(loop.source) }),
  ...(loop.promises === undefined ? {} : { promises: loop.promises }),
})

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
 * Only the schema's fields are written. Text that XML cannot carry (C0 controls, U+FFFE,
 * U+FFFF, lone surrogates) becomes U+FFFD; an id with such a character (possible only in
 * a model built in code) is written with `\uXXXX` escapes, never merged with another id.
 * O(size of the model) time.
 * @category Interop
 */
export const toGraphML = (model: Model): string => {
  const ids = modelIds(model)
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
    `    ${data('g_assets', jsonForXml(model.assets.map((asset) => assetRecord(asset, ids))))}`,
    `    ${data('g_loops', jsonForXml(model.loops.map((loop) => loopRecord(loop, ids))))}`,
  )
  for (const actor of model.actors) {
    lines.push(
      `    <node id="${escapeXml(ids.actor(actor.id), true)}">${data('a_name', actor.name)}${data('a_kind', actor.kind)}${data('a_perspective', actor.perspective)}${data('a_levels', listValue(actor.levels))}${data('a_tags', listValue(actor.tags))}${data('a_lay', actor.perspective === 'lay')}${data('a_represents', actor.represents)}</node>`,
    )
  }
  for (const channel of model.channels) {
    lines.push(
      `    <edge id="${escapeXml(ids.channel(channel.id), true)}" source="${escapeXml(ids.actor(channel.from), true)}" target="${escapeXml(ids.actor(channel.to), true)}">${data('c_carries', listValue(channel.carries.map(ids.asset)))}${data('c_level', channel.level)}${data('c_status', channel.status)}${data('c_latencyDays', channel.latencyDays)}${data('c_reliability', channel.reliability)}${data('c_polarity', channel.polarity)}</edge>`,
    )
  }
  lines.push('  </graph>', '</graphml>')
  return `${lines.join('\n')}\n`
}
