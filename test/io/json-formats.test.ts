import { describe, expect, it } from 'vitest'
import { toCytoscape, toKumu } from '../../src/io/index.js'
import type { Loop } from '../../src/graph/types.js'
import type { ActorId, ChannelId, NonEmptyText } from '../../src/model/primitives.js'
import { exampleModels, expectGolden, hostileModel, wardModel } from './fixtures.js'

const youSaidWeDid: Loop = {
  actors: ['story-platform', 'ward-manager', 'ward-team', 'ward-7-patients'] as ActorId[],
  channels: [['alert-manager'], ['agree-action'], ['change-care'], ['post-story']] as ChannelId[][],
  levels: ['delivery'],
  order: 'single',
  layActors: 1,
  professionalActors: 3,
  stages: ['sense', 'decide', 'act'],
  latencyDays: 11,
  reliability: 0.58,
  polarity: 'balancing',
}

describe('toCytoscape', () => {
  it.each(exampleModels())('matches the golden JSON for %s', (name, model) => {
    const json = toCytoscape(model)
    expectGolden(`${name}.cytoscape.json`, `${JSON.stringify(json, null, 2)}\n`)
    const ids = [...json.elements.nodes, ...json.elements.edges].map((element) => element.data.id)
    expect(new Set(ids).size).toBe(ids.length)
    const nodeIds = new Set(json.elements.nodes.map((node) => node.data.id))
    for (const edge of json.elements.edges) expect(nodeIds.has(edge.data.source) && nodeIds.has(edge.data.target)).toBe(true)
  })

  it('keeps node and edge ids apart even when an actor and a channel share an id, and marks highlights', () => {
    const json = toCytoscape(hostileModel(), {
      highlight: { channels: ['end' as ChannelId], proposed: [{ from: 'end' as ActorId, to: 'graph' as ActorId, level: 'delivery', carries: [], reason: 'r' }] },
    })
    const ids = [...json.elements.nodes, ...json.elements.edges].map((element) => element.data.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(json.elements.edges.find((edge) => edge.data.channelId === 'end')!.classes).toBe('highlighted')
    expect(json.elements.edges.at(-1)).toMatchObject({ classes: 'proposed', data: { source: 'actor:end', target: 'actor:graph' } })
  })
})

describe('toKumu', () => {
  it('writes elements, connections and loops joined by unique labels', () => {
    const blueprint = toKumu(wardModel(), { loops: [youSaidWeDid] })
    expectGolden('ward-you-said-we-did.kumu.json', `${JSON.stringify(blueprint, null, 2)}\n`)
    const labels = new Set(blueprint.elements.map((element) => element.label))
    expect(labels.size).toBe(blueprint.elements.length)
    for (const connection of blueprint.connections) expect(labels.has(connection.from) && labels.has(connection.to)).toBe(true)
    expect(blueprint.loops[0]).toMatchObject({ label: 'Loop 1', type: 'single', elements: ['Online story platform', 'Ward 7 manager', 'Ward 7 nursing team', 'Ward 7 patients'] })
    expect(blueprint.loops[0]!.connections.at(-1)).toEqual({ from: 'Ward 7 patients', to: 'Online story platform' })
  })

  it('makes duplicate names unique with the actor id', () => {
    const model = wardModel()
    const twins = { ...model, actors: model.actors.map((actor) => ({ ...actor, name: 'Same name' as NonEmptyText })) }
    const labels = toKumu(twins).elements.map((element) => element.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels[0]).toBe('Same name (ward-7-patients)')
  })
})
