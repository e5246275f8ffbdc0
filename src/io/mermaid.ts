import type { Actor, Model } from '../model/codecs.js'
import { actorsByLevel, highlightSets, levelTitle, nodeIds, type Highlight } from './highlight.js'
import { displayText } from './text.js'

/**
 * Options for {@link toMermaid}.
 * @category Interop
 */
export interface MermaidOptions {
  /** Channels and actors to draw red, repairs to draw dashed. */
  readonly highlight?: Highlight
  /** Flow direction (default `LR`, left to right). */
  readonly direction?: 'LR' | 'RL' | 'TB' | 'BT'
  /** Label nodes with actor names (default) or with actor ids. */
  readonly label?: 'name' | 'id'
  /**
   * The most channels (the model's plus proposed ones) to draw; default
   * {@link defaultMermaidMaxChannels}. A model with more gives a one-node diagram that
   * says so instead (see {@link toMermaid}). `Infinity` removes the limit.
   */
  readonly maxChannels?: number
}

/**
 * The default limit on the channels {@link toMermaid} draws: 5,000. Mermaid lays a
 * flowchart out in one pass in the browser and cannot draw more in useful time;
 * mermaid.js itself refuses more than 500 edges unless its `maxEdges` setting is raised.
 * @category Interop
 */
export const defaultMermaidMaxChannels = 5_000

const red = 'stroke:#d62728,stroke-width:3px'
const proposedStyle = 'stroke:#2e7d32,stroke-width:2px'
const inactiveStyle = 'stroke:#9e9e9e'
/** A channel that is not active is drawn broken, highlighted or not, so it never looks like an active one. */
const notActiveDashes = 'stroke-dasharray:3'

// Letters, marks, digits, spaces and a little punctuation pass through; everything
// else (quotes, brackets, '#', '&', '<', '*', '~', '|', '`', ';' …) becomes a Mermaid
// entity code such as `#35;`, which Mermaid decodes to a character, never to markup.
const unsafe = /[^\p{L}\p{M}\p{N} .,:'!?/_()-]/gu

/**
 * Escape text for a double-quoted Mermaid label. Bidirectional controls and control
 * characters are removed and long names shortened first (see `displayText`).
 * @internal
 */
export const escapeMermaidLabel = (text: string): string =>
  displayText(text).replace(unsafe, (character) => `#${character.codePointAt(0)!};`)

const labelOf = (actor: Actor, label: 'name' | 'id', fallback: string): string => {
  const escaped = escapeMermaidLabel(label === 'id' ? actor.id : actor.name)
  return escaped.trim() === '' ? fallback : escaped
}

/**
 * Render a model as a Mermaid flowchart: one subgraph per level (an actor sits in the
 * lowest level it takes part in), lay actors as stadiums with class `layActor`,
 * professional actors as rectangles with class `professionalActor`, channels as
 * arrows in model order (inactive and planned channels grey and broken), highlighted
 * channels and actors red (a highlighted channel that is not active stays broken),
 * proposed channels dashed (`-.->`) and green.
 *
 * Node ids are generated (`n0`, `n1`, … in actor order) and labels are entity-encoded,
 * so any id or name is safe: Mermaid keywords such as `graph` or `end`, quotes,
 * brackets, `<script>`, Markdown and `#` cannot break the diagram or inject markup.
 * Labels are shortened to 120 characters. The output renders on GitHub and with
 * beautiful-mermaid. O(V + E) time.
 *
 * A model with more channels than `maxChannels` (default
 * {@link defaultMermaidMaxChannels}) is not drawn: the result is a valid flowchart of
 * one node that gives the number of channels and the limit (counts only, no ids or
 * names), in O(1) time and memory. Export large models with `toDot`, `toGraphML` or
 * `toGexf`, which have no limit.
 *
 * @example
 * {@includeCode ../../examples/render-mermaid.ts#render}
 * @category Interop
 */
export const toMermaid = (model: Model, options: MermaidOptions = {}): string => {
  const channelCount = model.channels.length + (options.highlight?.proposed?.length ?? 0)
  const maxChannels = options.maxChannels ?? defaultMermaidMaxChannels
  if (channelCount > maxChannels) {
    const notice = `Too large to draw: ${channelCount} channels, limit ${maxChannels} (maxChannels). Export with toDot or toGraphML.`
    return `flowchart ${options.direction ?? 'LR'}\n  n0["${escapeMermaidLabel(notice)}"]\n`
  }
  const ids = nodeIds(model)
  const highlight = highlightSets(model, options.highlight)
  const label = options.label ?? 'name'
  const lines: string[] = [`flowchart ${options.direction ?? 'LR'}`]
  const lay: string[] = []
  const professional: string[] = []

  actorsByLevel(model).forEach(([level, actors], index) => {
    lines.push(`  subgraph level${index} ["${levelTitle(level)}"]`)
    for (const actor of actors) {
      const id = ids.get(actor.id)!
      const text = labelOf(actor, label, id)
      if (actor.perspective === 'lay') {
        lay.push(id)
        lines.push(`    ${id}(["${text}"])`)
      } else {
        professional.push(id)
        lines.push(`    ${id}["${text}"]`)
      }
    }
    lines.push('  end')
  })

  const linkStyles: string[] = []
  let link = 0
  for (const channel of model.channels) {
    const from = ids.get(channel.from)
    const to = ids.get(channel.to)
    if (from === undefined || to === undefined) continue
    lines.push(`  ${from} --> ${to}`)
    const dotted = channel.status === 'active' ? '' : `,${notActiveDashes}`
    if (highlight.channels.has(channel.id)) linkStyles.push(`  linkStyle ${link} ${red}${dotted}`)
    else if (dotted !== '') linkStyles.push(`  linkStyle ${link} ${inactiveStyle}${dotted}`)
    link++
  }
  for (const channel of highlight.proposed) {
    lines.push(`  ${ids.get(channel.from)!} -.-> ${ids.get(channel.to)!}`)
    linkStyles.push(`  linkStyle ${link} ${proposedStyle}`)
    link++
  }

  lines.push('  classDef layActor fill:#fff4d6,stroke:#a86f00,color:#222222')
  lines.push('  classDef professionalActor fill:#e3eefc,stroke:#2b5fa3,color:#222222')
  if (lay.length > 0) lines.push(`  class ${lay.join(',')} layActor`)
  if (professional.length > 0) lines.push(`  class ${professional.join(',')} professionalActor`)
  for (const actor of highlight.actors) {
    const id = ids.get(actor)
    if (id !== undefined) lines.push(`  style ${id} ${red}`)
  }
  lines.push(...linkStyles)
  return `${lines.join('\n')}\n`
}
