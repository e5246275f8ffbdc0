/**
 * DOT text that fits its boxes (issue 15, item 14): names wrap onto short lines in boxes
 * with room to spare, channel labels are shortened, and the legend is there only when
 * asked for.
 */
import { describe, expect, it } from 'vitest'
import { toDot } from '../../src/io/index.js'
import { wrapWords } from '../../src/io/text.js'
import type { Model } from '../../src/model/codecs.js'
import { wardModel } from './fixtures.js'

const labelLines = (dot: string, node: string): ReadonlyArray<string> =>
  new RegExp(`^\\s+${node} \\[label="((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(dot)![1]!.split('\\n')

describe('toDot labels', () => {
  it('wraps a long name onto lines of at most 22 characters, in boxes with a wide margin', () => {
    const ward = wardModel()
    const long = 'The Integrated Care Board quality and performance subcommittee for unplanned care'
    const model = { ...ward, actors: ward.actors.map((actor, index) => (index === 0 ? { ...actor, name: long } : actor)) } as Model
    const dot = toDot(model)
    const lines = labelLines(dot, 'n0')
    expect(lines.join(' ')).toBe(long)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(22)
    expect(dot).toContain('node [fontname="Helvetica", margin="0.2,0.1"];')
  })

  it('cuts a word longer than a line', () => {
    expect(wrapWords('a'.repeat(50))).toEqual(['a'.repeat(22), 'a'.repeat(22), 'a'.repeat(6)])
    expect(wrapWords('   ')).toEqual([''])
  })

  it('labels channels with the names of what they carry only when asked, shortened to 60 characters', () => {
    const ward = wardModel()
    const asset = ward.assets[0]!
    const longName = `${'Very long asset name '.repeat(5)}end`
    const model = { ...ward, assets: ward.assets.map((item) => (item.id === asset.id ? { ...item, name: longName } : item)) } as Model
    expect(toDot(model)).not.toContain('Very long')
    const labelled = toDot(model, { channelLabels: true })
    expect(labelled).toMatch(/label="Very long asset name [^"]*…", fontsize=10/)
    for (const [, label] of labelled.matchAll(/-> n\d+ \[[^\]]*label="([^"]*)"/g)) expect(Array.from(label!).length).toBeLessThanOrEqual(60)
  })

  it('adds a legend only when asked', () => {
    expect(toDot(wardModel())).not.toContain('cluster_legend')
    expect(toDot(wardModel(), { legend: true })).toContain('subgraph cluster_legend {')
  })
})
