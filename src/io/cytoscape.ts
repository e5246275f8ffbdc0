import type { Model } from '../model/codecs.js'
import type { Level } from '../model/vocabulary.js'
import { highlightSets, homeLevel, levelTitle, type Highlight } from './highlight.js'

/** A Cytoscape.js node: an actor, or a level (a compound parent). @category Interop */
export interface CytoscapeNode {
  readonly data: {
    readonly id: string
    readonly label: string
    readonly parent?: string
    readonly actorId?: string
    readonly kind?: string
    readonly perspective?: string
    readonly levels?: ReadonlyArray<Level>
    readonly tags?: ReadonlyArray<string>
  }
  readonly classes: string
}

/** A Cytoscape.js edge: a channel, or a proposed channel. @category Interop */
export interface CytoscapeEdge {
  readonly data: {
    readonly id: string
    readonly source: string
    readonly target: string
    readonly channelId?: string
    readonly carries: ReadonlyArray<string>
    readonly level: Level
    readonly status?: string
    readonly latencyDays?: number
    readonly reliability?: number
    readonly polarity?: string
    readonly reason?: string
  }
  readonly classes: string
}

/** Cytoscape.js elements JSON (`cy.add(json.elements)` or `cytoscape({ elements })`). @category Interop */
export interface CytoscapeJson {
  readonly elements: { readonly nodes: ReadonlyArray<CytoscapeNode>; readonly edges: ReadonlyArray<CytoscapeEdge> }
}

/**
 * Convert a model to Cytoscape.js JSON. Element ids are prefixed, because Cytoscape
 * shares one id space between nodes and edges: actors are `actor:{id}`, channels
 * `channel:{id}`, levels (compound parents holding each actor's lowest level)
 * `level:{level}`, proposed channels `proposed:{i}`; `actorId` and `channelId` keep the
 * model's ids. `classes` carry `lay`/`professional`, `level`, `highlighted`,
 * `inactive`/`planned` and `proposed` for styling. O(V + E) time.
 * @category Interop
 */
export const toCytoscape = (model: Model, options: { readonly highlight?: Highlight } = {}): CytoscapeJson => {
  const highlight = highlightSets(model, options.highlight)
  const used = new Set<Level>(model.actors.map(homeLevel))
  const levelNodes: CytoscapeNode[] = [...used].sort().map((level) => ({
    data: { id: `level:${level}`, label: levelTitle(level) },
    classes: 'level',
  }))
  const actorNodes: CytoscapeNode[] = model.actors.map((actor) => ({
    data: {
      id: `actor:${actor.id}`,
      label: actor.name,
      parent: `level:${homeLevel(actor)}`,
      actorId: actor.id,
      kind: actor.kind,
      perspective: actor.perspective,
      levels: actor.levels,
      tags: actor.tags,
    },
    classes: [actor.perspective, ...(highlight.actors.has(actor.id) ? ['highlighted'] : [])].join(' '),
  }))
  const channelEdges: CytoscapeEdge[] = model.channels.map((channel) => ({
    data: {
      id: `channel:${channel.id}`,
      source: `actor:${channel.from}`,
      target: `actor:${channel.to}`,
      channelId: channel.id,
      carries: channel.carries,
      level: channel.level,
      status: channel.status,
      ...(channel.latencyDays === undefined ? {} : { latencyDays: channel.latencyDays }),
      ...(channel.reliability === undefined ? {} : { reliability: channel.reliability }),
      ...(channel.polarity === undefined ? {} : { polarity: channel.polarity }),
    },
    classes: [
      ...(channel.status === 'active' ? [] : [channel.status]),
      ...(highlight.channels.has(channel.id) ? ['highlighted'] : []),
    ].join(' '),
  }))
  const proposedEdges: CytoscapeEdge[] = highlight.proposed.map((channel, index) => ({
    data: {
      id: `proposed:${index}`,
      source: `actor:${channel.from}`,
      target: `actor:${channel.to}`,
      carries: channel.carries,
      level: channel.level,
      reason: channel.reason,
    },
    classes: 'proposed',
  }))
  return { elements: { nodes: [...levelNodes, ...actorNodes], edges: [...channelEdges, ...proposedEdges] } }
}
