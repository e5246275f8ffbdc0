import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { formatDiagnosis } from '../../src/diagnose/format.js'
import { buildModel } from './build.js'

const model = buildModel({
  actors: [
    ['p', 'patient', ['delivery', 'planning']],
    ['m', 'manager', ['delivery', 'planning']],
    ['k', 'commissioner', ['planning']],
  ],
  assets: [['story', 'experience', 'p'], ['spec', 'plan', 'k'], ['idle', 'insight', 'm']],
  channels: [
    ['tell', 'p', 'm', ['story']],
    ['brief', 'm', 'k', ['story'], { level: 'planning' }],
  ],
})
const diagnosis = diagnose(model)

describe('formatDiagnosis', () => {
  it('text: a summary line, then defects grouped by level, most severe first, then the repairs', () => {
    const text = formatDiagnosis(diagnosis, 'text')
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^Diagnosis of test: \d+ errors?, \d+ warnings?, \d+ notes?\.$/)
    expect(text.indexOf('Delivery level')).toBeGreaterThan(0)
    expect(text.indexOf('Planning level')).toBeGreaterThan(text.indexOf('Delivery level'))
    const delivery = text.slice(text.indexOf('Delivery level'), text.indexOf('Planning level'))
    const severities = delivery.split('\n').map((line) => line.trim().split(' ')[0]).filter((word) => ['error', 'warning', 'info'].includes(word!))
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a!) - ['error', 'warning', 'info'].indexOf(b!)))
    // Repairs say what they do: add a channel, or put what should travel on a running one.
    expect(text).toMatch(/Repairs: add 1 channel and use 1 running one:/)
    expect(text).toContain("use 'brief': m -> k carrying idle at planning level")
    // Every rule's repairs are printed, with what they carry and why.
    expect(text).toMatch(/-> 'p'|-> p /)
    expect(text).toContain('Scorecard')
  })

  it('text and markdown give every outcome share weighted by people, not only did and open', () => {
    const decided = buildModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p'], ['choice', 'decision', 'm', undefined, { derivedFrom: ['story'] }], ['answer', 'response', 'm', undefined, { derivedFrom: ['choice'] }]],
      channels: [['tell', 'p', 'm', ['story']], ['reply', 'm', 'p', ['answer']]],
    })
    const result = diagnose(decided)
    expect(result.scorecard.overall.outcomesByPeople.decided).toBe(1)
    expect(formatDiagnosis(result, 'text')).toContain('weighted by people: did 0%, decided 100%, heard 0%, open 0%')
    expect(formatDiagnosis(result, 'markdown')).toMatch(/\| Weighted by people: closed with a decision \| 100% \|/)
  })

  it('names the scorecard figures the same way in text and markdown, as the diagnosis guide defines them', () => {
    const guide = readFileSync(new URL('../../docs/diagnosis.md', import.meta.url), 'utf8')
    for (const label of ['lay voices with at least one loop that closes', 'closed loops joining lay and professional voices']) {
      expect(formatDiagnosis(diagnosis, 'text')).toContain(label)
      expect(formatDiagnosis(diagnosis, 'markdown').toLowerCase()).toContain(label)
      expect(guide).toContain(`| ${label} |`)
    }
    expect(formatDiagnosis(diagnosis, 'text')).not.toContain('co-production index')
  })

  it('never rounds a share that is not nothing to 0%, nor one short of everything to 100%', () => {
    // 500 residents answered and heard; one provider's data goes nowhere: 1 in 501 people.
    const mostly = buildModel({
      actors: [['r', 'citizen', undefined, { represents: 500 }], ['m', 'manager'], ['q', 'clinician']],
      assets: [['views', 'experience', 'r'], ['answer', 'response', 'm', undefined, { derivedFrom: ['views'] }], ['counts', 'data', 'q']],
      channels: [['tell', 'r', 'm', ['views']], ['reply', 'm', 'r', ['answer']]],
    })
    const text = formatDiagnosis(diagnose(mostly), 'text')
    expect(text).toContain('weighted by people: did 0%, decided 0%, heard >99%, open <1%')
  })

  it('markdown: headings and tables for a board report', () => {
    const markdown = formatDiagnosis(diagnosis, 'markdown')
    expect(markdown).toMatch(/^# Diagnosis of `test`\n/)
    expect(markdown).toContain('## Scorecard')
    expect(markdown).toContain('| Figure | Overall | delivery | planning |')
    expect(markdown).toContain('## Delivery level')
    expect(markdown).toContain('| Severity | Rule | Finding |')
  })

  it('markdown: every scorecard row has as many cells as the header, for an empty model too', () => {
    for (const model of [buildModel({ actors: [] }), buildModel({ actors: [['p', 'patient'], ['m', 'manager']], channels: [['c', 'p', 'm', []]] })]) {
      const table = formatDiagnosis(diagnose(model), 'markdown').split('## Scorecard\n\n')[1]!.split('\n\n')[0]!.split('\n')
      const cells = table.filter((line) => line !== '').map((line) => line.split('|').length)
      expect(new Set(cells).size).toBe(1)
    }
  })

  it('markdown escapes table separators in messages', () => {
    const piped = diagnose(buildModel({ actors: [['a|b', 'patient'], ['m', 'manager']], channels: [['c', 'a|b', 'm', []]] }))
    expect(formatDiagnosis(piped, 'markdown')).toContain("'a\\|b'")
  })

  it('json: versioned, stable and complete', () => {
    const json = formatDiagnosis(diagnosis, 'json')
    const parsed = JSON.parse(json)
    expect(Object.keys(parsed)).toEqual(['format', 'model', 'defects', 'summary', 'scorecard', 'truncated', 'options'])
    expect(parsed.defects.every((defect: { assets?: unknown }) => Array.isArray(defect.assets))).toBe(true)
    expect(parsed.format).toBe('orgintel-diagnosis/v2')
    expect(parsed.defects).toEqual(JSON.parse(JSON.stringify(diagnosis.defects)))
    expect(json.endsWith('\n')).toBe(true)
    expect(formatDiagnosis(diagnose(model), 'json')).toBe(json)
  })

  it('never prints names unless asked', () => {
    for (const format of ['text', 'markdown', 'json'] as const) expect(formatDiagnosis(diagnosis, format)).not.toContain('Name of')
    expect(formatDiagnosis(diagnose(model, { names: true }), 'text')).toContain('Name of')
  })
})
