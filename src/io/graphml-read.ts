import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { Model } from '../model/codecs.js'
import { decodeModel } from '../model/decode.js'
import { asInteropErrors, type InteropError } from './errors.js'
import { freshIds, pointAtEdges } from './graphml-edges.js'
import { graphmlKeys } from './graphml-keys.js'
import { splitList } from './text.js'
import { attribute, children, parseXml, textOf, type XmlElement } from './xml.js'

type Scope = 'graph' | 'node' | 'edge'

/** Map each declared key id to the attribute name it stands for, per scope. */
const declaredKeys = (root: XmlElement): Map<string, { readonly for: string; readonly name: string }> => {
  const keys = new Map<string, { readonly for: string; readonly name: string }>()
  // Our own key ids are understood even if a tool dropped their declarations.
  for (const key of graphmlKeys) keys.set(key.id, { for: key.for, name: key.name })
  for (const key of children(root, 'key')) {
    const id = attribute(key, 'id')
    const name = attribute(key, 'attr.name')
    if (id !== undefined && name !== undefined) keys.set(id, { for: attribute(key, 'for') ?? 'all', name })
  }
  return keys
}

const dataOf = (element: XmlElement, scope: Scope, keys: ReturnType<typeof declaredKeys>): Map<string, string> => {
  const values = new Map<string, string>()
  for (const item of children(element, 'data')) {
    const key = keys.get(attribute(item, 'key') ?? '')
    if (key !== undefined && (key.for === scope || key.for === 'all')) values.set(key.name, textOf(item))
  }
  return values
}

const numberOrText = (text: string): number | string => {
  const trimmed = text.trim()
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text
}

const parseJson = (text: string | undefined, field: string, errors: InteropError[]): unknown => {
  if (text === undefined) return []
  try {
    return JSON.parse(text)
  } catch {
    errors.push({ code: 'invalid-graphml', path: `/${field}`, message: `The graph's ${field} data is not valid JSON.` })
    return []
  }
}

const actorOf = (node: XmlElement, keys: ReturnType<typeof declaredKeys>): Record<string, unknown> => {
  const values = dataOf(node, 'node', keys)
  const id = attribute(node, 'id')
  const actor: Record<string, unknown> = { id, name: values.get('name') ?? id }
  for (const field of ['kind', 'perspective'] as const) if (values.has(field)) actor[field] = values.get(field)
  actor['levels'] = splitList(values.get('levels') ?? '')
  if (values.has('tags')) actor['tags'] = splitList(values.get('tags')!)
  if (values.has('represents')) actor['represents'] = numberOrText(values.get('represents')!)
  return actor
}

const channelOf = (edge: XmlElement, id: string, keys: ReturnType<typeof declaredKeys>): Record<string, unknown> => {
  const values = dataOf(edge, 'edge', keys)
  const channel: Record<string, unknown> = {
    id,
    from: attribute(edge, 'source'),
    to: attribute(edge, 'target'),
    carries: splitList(values.get('carries') ?? ''),
  }
  for (const field of ['level', 'status', 'polarity'] as const) if (values.has(field)) channel[field] = values.get(field)
  for (const field of ['latencyDays', 'reliability'] as const) {
    if (values.has(field)) channel[field] = numberOrText(values.get(field)!)
  }
  return channel
}

/**
 * The channels of a graph's edges, in edge order, then the reverse of each undirected
 * edge; `reverseOf[k]` is the edge of the k-th reverse channel.
 */
const channelsOf = (
  graph: XmlElement,
  keys: ReturnType<typeof declaredKeys>,
): { readonly channels: ReadonlyArray<Record<string, unknown>>; readonly reverseOf: ReadonlyArray<number> } => {
  const edges = children(graph, 'edge')
  // Ids the file gives are reserved first, so no derived id can take one of them.
  const freshId = freshIds(new Set<string>(edges.flatMap((edge) => attribute(edge, 'id') ?? [])))
  const undirectedByDefault = attribute(graph, 'edgedefault') === 'undirected'
  const channels = edges.map((edge, index) => channelOf(edge, attribute(edge, 'id') ?? freshId(`e${index}`), keys))
  const reverseOf: number[] = []
  edges.forEach((edge, index) => {
    const directed = attribute(edge, 'directed')
    const forward = channels[index]!
    // A self-loop runs both ways already.
    if (forward['from'] === forward['to']) return
    if (directed === 'false' || (directed !== 'true' && undirectedByDefault)) {
      channels.push({ ...forward, id: freshId(`${String(forward['id'])}~reverse`), from: forward['to'], to: forward['from'] })
      reverseOf.push(index)
    }
  })
  return { channels, reverseOf }
}

/**
 * Read GraphML written by {@link toGraphML} (or by a tool that kept its keys) back into
 * a model, validated by `decodeModel`. Keys are matched by `attr.name`, so a file whose
 * key ids were renumbered still reads. An edge without an id gets `e{index}` (with a
 * `-2`, `-3`, ... suffix if the file already uses that id); a node without a `name` is
 * named by its id. Only the first `<graph>` is read.
 *
 * Channels are one-way, so an undirected edge (one with `directed="false"`, or without
 * `directed="true"` in a graph with `edgedefault="undirected"`, as yEd and networkx
 * write undirected graphs) becomes two channels: the edge's own, and after all the
 * edges, its reverse with the same data and the id `{id}~reverse` (suffixed like
 * above if that id is taken); a self-loop stays one channel. Writing the result back gives a directed file.
 *
 * The XML is parsed by fast-xml-parser without entity expansion: a DOCTYPE is refused
 * and only the five predefined entities and character references are decoded.
 * Errors are returned, never thrown; their paths point into the model
 * (`/channels/3/level` is the fourth `<edge>`; an error in a reverse channel is
 * reported at its edge). O(size of the text) time.
 * @category Interop
 */
export const fromGraphML = (text: string): E.Either<ReadonlyArray<InteropError>, Model> =>
  pipe(
    parseXml(text),
    E.chain((document) => {
      const root = children(document, 'graphml')[0]
      const graph = children(root, 'graph')[0]
      if (root === undefined || graph === undefined) {
        return E.left<ReadonlyArray<InteropError>, Model>([
          { code: 'invalid-graphml', path: '', message: 'The XML has no <graphml> element with a <graph>.' },
        ])
      }
      const keys = declaredKeys(root)
      const values = dataOf(graph, 'graph', keys)
      const errors: InteropError[] = []
      const { channels, reverseOf } = channelsOf(graph, keys)
      const edgeCount = channels.length - reverseOf.length
      const document_: Record<string, unknown> = {
        schema: values.get('schema') ?? 'orgintel/v2',
        id: values.get('id') ?? attribute(graph, 'id') ?? 'graphml-import',
        name: values.get('name') ?? values.get('id') ?? attribute(graph, 'id') ?? 'Imported from GraphML',
        actors: children(graph, 'node').map((node) => actorOf(node, keys)),
        channels,
        assets: parseJson(values.get('assets'), 'assets', errors),
        loops: parseJson(values.get('loops'), 'loops', errors),
      }
      if (values.has('description')) document_['description'] = values.get('description')
      if (errors.length > 0) return E.left<ReadonlyArray<InteropError>, Model>(errors)
      return pipe(
        decodeModel(document_),
        E.mapLeft((modelErrors) => pointAtEdges(asInteropErrors(modelErrors), edgeCount, reverseOf)),
      )
    }),
  )
