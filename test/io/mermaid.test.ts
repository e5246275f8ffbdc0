import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid'
import { describe, expect, it } from 'vitest'
import { toMermaid } from '../../src/io/index.js'
import type { ActorId, ChannelId } from '../../src/model/primitives.js'
import { exampleModels, expectGolden, hostileIds, hostileModel, wardModel } from './fixtures.js'

const liveMarkup = /<script|<img|<iframe|<foreignObject|javascript:|\son[a-z]+\s*=/i

// Every line toMermaid writes has one of these shapes, whatever the ids and names.
const grammar = [
  /^flowchart (LR|RL|TB|BT)$/,
  /^ {2}subgraph level\d+ \["(Delivery|Planning|Strategy)"\]$/,
  /^ {4}n\d+(\["[^"\]\[]*"\]|\(\["[^"\]\[]*"\]\))$/,
  /^ {2}end$/,
  /^ {2}n\d+ (-->|-\.->) n\d+$/,
  /^ {2}classDef (layActor|professionalActor) [a-z:#0-9,-]+$/,
  /^ {2}class n\d+(,n\d+)* (layActor|professionalActor)$/,
  /^ {2}style n\d+ [a-z:#0-9,-]+$/,
  /^ {2}linkStyle \d+ [a-z:#0-9,-]+$/,
]

const expectGrammar = (text: string): void => {
  for (const line of text.trimEnd().split('\n')) expect(grammar.some((pattern) => pattern.test(line)), line).toBe(true)
}

describe('toMermaid', () => {
  it.each(exampleModels())('matches the golden diagram for %s and renders with beautiful-mermaid', (name, model) => {
    const text = toMermaid(model)
    expectGolden(`${name}.mmd`, text)
    expectGrammar(text)
    const graph = parseMermaid(text)
    expect(graph.nodes.size).toBe(model.actors.length)
    expect(graph.edges.length).toBe(model.channels.length)
    expect(renderMermaidSVG(text)).toMatch(/^<svg/)
  })

  it('draws highlighted channels red and proposed channels dashed', () => {
    const text = toMermaid(wardModel(), {
      highlight: {
        channels: ['pals-letter' as ChannelId],
        actors: ['pals' as ActorId, 'no-such-actor' as ActorId],
        proposed: [{ from: 'pals' as ActorId, to: 'carers' as ActorId, level: 'delivery', carries: [], reason: 'close the loop' }],
      },
      direction: 'TB',
    })
    expectGolden('ward-you-said-we-did.highlighted.mmd', text)
    // pals-letter is inactive: red, and still broken, so it never looks like an active channel.
    expect(text).toContain('  linkStyle 8 stroke:#d62728,stroke-width:3px,stroke-dasharray:3\n')
    expect(text).toContain('  n5 -.-> n1\n')
    expect(text).toContain('  style n5 stroke:#d62728')
    const graph = parseMermaid(text)
    expect(graph.edges.at(-1)!.style).toBe('dotted')
    expect(renderMermaidSVG(text)).not.toMatch(liveMarkup)
  })

  it('keeps hostile ids and names out of the syntax and out of the markup', () => {
    const model = hostileModel()
    for (const label of ['name', 'id'] as const) {
      const text = toMermaid(model, { label, highlight: { channels: [...hostileIds] as ChannelId[], actors: ['__proto__' as ActorId] } })
      expectGrammar(text)
      expect(text.replace(/ (-->|-\.->) /g, ' ')).not.toMatch(/[<>&\u202e]/)
      const graph = parseMermaid(text)
      expect(graph.nodes.size).toBe(model.actors.length)
      expect(graph.edges.length).toBe(model.channels.length)
      expect([...graph.nodes.keys()].every((id) => /^n\d+$/.test(id))).toBe(true)
      const svg = renderMermaidSVG(text)
      expect(svg).not.toMatch(liveMarkup)
      expect(svg).not.toContain('<b>')
    }
    expectGolden('hostile.mmd', toMermaid(model))
  })

  it('shortens 10,000-character names', () => {
    const text = toMermaid(hostileModel())
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThan(1000)
  })
})
