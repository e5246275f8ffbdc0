/**
 * The guide pages cannot drift from the library: every rule has a gallery model that
 * decodes and makes its rule fire, the severities the pages state are the rules'
 * defaults, every image a page links and every example region it includes exists, and
 * the committed diagrams match what the build renders.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as orgintel from '../../src/index.js'
import { renderDiagrams, readModel } from '../../scripts/docs-diagrams.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const docs = join(root, 'docs')

/** The built-in rules (docs/architecture.md, docs/diagnosis.md). */
const ruleIds = [
  'open-loop',
  'declared-loop-broken',
  'slow-loop',
  'heard-not-acted',
  'acted-not-reported',
  'learning-stuck',
  'single-loop-trap',
  'no-lay-voice',
  'tokenistic-participation',
  'experience-excluded',
  'no-sensemaking',
  'no-memory',
  'single-point-of-failure',
  'unused-knowledge',
  'missing-level-loop',
  'undeclared-loop',
  'unknown-polarity',
  'stories-stop',
  'promise-not-kept',
]


/** Rules whose repair is not a channel (see the page): their gallery models have no planned channels. */
const repairIsNotAChannel: ReadonlySet<string> = new Set(['slow-loop', 'undeclared-loop', 'unknown-polarity', 'heard-not-acted', 'promise-not-kept'])

describe('the rule gallery (docs/diagrams/rules)', () => {
  it('has one model per built-in rule and nothing else', () => {
    const files = readdirSync(join(docs, 'diagrams', 'rules')).filter((name) => name.endsWith('.json')).sort()
    expect(files).toEqual(ruleIds.map((id) => `${id}.json`).sort())
  })

  it.each(ruleIds)('documents %s with a heading and its diagram', (rule) => {
    const page = readFileSync(join(docs, 'diagnosis.md'), 'utf8')
    expect(page).toContain(`\n### ${rule}\n`)
    expect(page).toContain(`(./assets/diagrams/rule-${rule}.svg)`)
  })

  it.each(ruleIds)('%s: the model decodes, and its planned channels are the only inactive additions', (rule) => {
    const model = readModel(join(docs, 'diagrams', 'rules', `${rule}.json`))
    expect(model.actors.length).toBeGreaterThan(1)
    const planned = model.channels.filter((channel) => channel.status === 'planned')
    expect(planned.length === 0).toBe(repairIsNotAChannel.has(rule))
  })

  it.each(ruleIds)('%s fires on its gallery model', (rule) => {
    const model = readModel(join(docs, 'diagrams', 'rules', `${rule}.json`))
    expect(orgintel.diagnose(model).defects.map((defect) => defect.rule)).toContain(rule)
  })

  it.each(ruleIds.filter((rule) => !repairIsNotAChannel.has(rule)))('%s: making the repair (the planned channels) active closes the finding', (rule) => {
    const model = readModel(join(docs, 'diagrams', 'rules', `${rule}.json`))
    const repaired = { ...model, channels: model.channels.map((channel) => (channel.status === 'planned' ? { ...channel, status: 'active' as const } : channel)) }
    expect(orgintel.diagnose(repaired).defects.map((defect) => defect.rule)).not.toContain(rule)
  })

  it('lists exactly the built-in rules', () => {
    expect(orgintel.builtinRules.map((rule) => rule.id).sort()).toEqual([...ruleIds].sort())
  })

  it.each(ruleIds)('states the default severity of %s in the table and in its section', (rule) => {
    const page = readFileSync(join(docs, 'diagnosis.md'), 'utf8')
    const severity = orgintel.builtinRules.find((builtin) => builtin.id === rule)?.defaultSeverity
    expect(severity).toBeDefined()
    expect(page).toContain(`| [\`${rule}\`](#${rule}) | ${severity} |`)
    expect(page).toContain(`### ${rule}\n\n**${severity}.**`)
  })
})

describe('guide pages', () => {
  const pages = readdirSync(docs).filter((name) => name.endsWith('.md'))

  it.each(pages)('%s links only images that exist', (name) => {
    const text = readFileSync(join(docs, name), 'utf8')
    const images = [...text.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((match) => match[1]!)
    for (const image of images) expect(existsSync(join(docs, image)), image).toBe(true)
  })

  it.each(pages)('%s includes only example regions that exist', (name) => {
    const text = readFileSync(join(docs, name), 'utf8')
    for (const match of text.matchAll(/\{@includeCode ([^#}]+)#([^}]+)\}/g)) {
      const file = join(docs, match[1]!.trim())
      expect(existsSync(file), file).toBe(true)
      expect(readFileSync(file, 'utf8')).toContain(`// #region ${match[2]!.trim()}`)
    }
  })

  it('the committed diagrams match what the build renders', async () => {
    expect(await renderDiagrams(true)).toEqual([])
  })
})
