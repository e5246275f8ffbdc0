import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { parseModel } from '../../src/model/decode.js'
import { formatModelErrors } from '../../src/model/errors.js'
import { modelWarnings } from '../../src/model/warnings.js'

const modelsFolder = new URL('../../examples/models/', import.meta.url)
const files = readdirSync(modelsFolder).filter((file) => file.endsWith('.json')).sort()

const load = (file: string): Model => {
  const result = parseModel(readFileSync(new URL(file, modelsFolder), 'utf8'))
  if (result._tag === 'Left') throw new Error(`${file}:\n${formatModelErrors(result.left)}`)
  return result.right
}

describe('bundled example models', () => {
  it('include the seven documented models', () => {
    expect(files).toEqual([
      'acute-ward-fft.json',
      'commissioning-cycle.json',
      'health-and-wellbeing-board.json',
      'healthy-reference.json',
      'icb-quality-committee.json',
      'recovery-college.json',
      'ward-you-said-we-did.json',
    ])
  })

  it.each(files)('%s decodes with no errors, says it is illustrative, and warns only where provenance meets a lapsed channel', (file) => {
    const model = load(file)
    // A broken model's lapsed channels (an inactive themes report, say) leave what was made
    // downstream unreached: that warning is the point of the model. Nothing else may warn.
    expect(formatModelErrors(modelWarnings(model).filter((warning) => warning.code !== 'provenance-unreached'))).toBe('')
    expect(model.description).toMatch(/[Ii]llustrative/)
  })

  it.each(['healthy-reference.json', 'recovery-college.json'])('%s has no warnings at all', (file) => {
    expect(formatModelErrors(modelWarnings(load(file)))).toBe('')
  })

  it('the Health and Wellbeing Board has its statutory members and its strategy assets', () => {
    const model = load('health-and-wellbeing-board.json')
    const actor = (id: string) => model.actors.find((candidate) => candidate.id === id)
    expect(actor('chair-councillor')?.kind).toBe('board')
    for (const id of ['director-adult-social-services', 'director-childrens-services', 'director-public-health']) {
      expect(actor(id)?.levels).toEqual(expect.arrayContaining(['strategy', 'planning']))
    }
    expect(actor('healthwatch')?.kind).toBe('intermediary')
    expect(actor('integrated-care-board')?.kind).toBe('commissioner')
    expect(model.actors.filter((candidate) => candidate.perspective === 'lay').map((candidate) => candidate.id)).toEqual([
      'residents',
      'community-groups',
      'young-people',
    ])
    const strategies = model.assets.filter((asset) => asset.kind === 'strategy').map((asset) => asset.id)
    expect(strategies).toEqual(['jsna', 'health-and-wellbeing-strategy'])
    // Residents are consulted, but the report back to them is only planned.
    const toResidents = model.channels.filter((channel) => channel.to === 'residents' && channel.carries.length > 0)
    expect(toResidents.map((channel) => [channel.id, channel.status])).toEqual([
      ['healthwatch-publishes', 'active'],
      ['you-said-we-did-report', 'planned'],
    ])
  })

  it('the commissioning cycle links delivery experience to a service specification, and leaves carers stuck', () => {
    const model = load('commissioning-cycle.json')
    expect(model.assets.find((asset) => asset.kind === 'plan')?.holder).toBe('commissioners')
    const carried = (assetId: string) => model.channels.filter((channel) => channel.carries.some((id) => id === assetId))
    expect(carried('patient-experience').map((channel) => channel.to)).toContain('commissioners')
    expect(carried('carer-knowledge').map((channel) => channel.to)).toEqual(['nursing-team'])
  })

  describe('healthy-reference.json', () => {
    const model = load('healthy-reference.json')
    const active = model.channels.filter((channel) => channel.status === 'active')

    it('is small and every channel is active with a polarity', () => {
      expect(model.actors.length).toBeLessThanOrEqual(15)
      expect(active).toHaveLength(model.channels.length)
      expect(model.channels.every((channel) => channel.polarity !== undefined)).toBe(true)
    })

    it('carries every asset', () => {
      const carried = new Set(model.channels.flatMap((channel) => channel.carries))
      expect(model.assets.filter((asset) => !carried.has(asset.id)).map((asset) => asset.id)).toEqual([])
    })

    it('declares one loop per level, each walkable on active channels at its level within its budget', () => {
      expect(model.loops.map((loop) => loop.level).sort()).toEqual(['delivery', 'planning', 'strategy'])
      for (const loop of model.loops) {
        let latency = 0
        for (let step = 0; step + 1 < loop.through.length; step++) {
          const channel = active.find(
            (candidate) => candidate.from === loop.through[step] && candidate.to === loop.through[step + 1] && candidate.level === loop.level,
          )
          expect(channel, `${loop.id} step ${step}`).toBeDefined()
          latency += channel?.latencyDays ?? 0
        }
        expect(latency).toBeLessThanOrEqual(loop.maxLatencyDays ?? 0)
      }
    })

    it('has exactly the declared loops as its channels: each channel is on one of them', () => {
      const onLoop = new Set(model.loops.flatMap((loop) => loop.through.slice(0, -1).map((from, i) => `${from}>${loop.through[i + 1]}`)))
      expect(active.map((channel) => `${channel.from}>${channel.to}`).filter((pair) => !onLoop.has(pair))).toEqual([])
      expect(onLoop.size).toBe(active.length)
    })

    it('puts a lay actor, experience, insight, a decision, a change, a response and a lesson on every loop', () => {
      const kindOf = new Map(model.assets.map((asset) => [asset.id, asset.kind]))
      const perspectiveOf = new Map(model.actors.map((actor) => [actor.id, actor.perspective]))
      for (const loop of model.loops) {
        const channels = active.filter((channel) => channel.level === loop.level)
        const kinds = new Set(channels.flatMap((channel) => channel.carries.map((id) => kindOf.get(id))))
        expect([...kinds].sort(), loop.id).toEqual(
          expect.arrayContaining(['change', 'experience', 'insight', 'lesson', 'response']),
        )
        expect(kinds.has('decision') || kinds.has('plan') || kinds.has('strategy'), loop.id).toBe(true)
        expect(loop.through.some((id) => perspectiveOf.get(id) === 'lay'), loop.id).toBe(true)
      }
    })
  })
})
