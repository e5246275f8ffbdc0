/**
 * The guide pages cannot drift from the library: every rule has a gallery model that
 * decodes (and, once `diagnose` is exported, makes its rule fire), every image a page
 * links exists, and the committed diagrams match what the build renders.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as orgintel from '../../src/index.js'
import { renderDiagrams, readModel } from '../../scripts/docs-diagrams.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const docs = join(root, 'docs')

/** The seventeen built-in rules of DESIGN.md §3. */
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
]

type Diagnose = (model: orgintel.Model) => { readonly defects: ReadonlyArray<{ readonly rule: string }> }
const diagnose = (orgintel as Record<string, unknown>)['diagnose'] as Diagnose | undefined

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
    // Rules whose repair is not a channel (see the page) have no planned channels.
    const repairIsNotAChannel = ['slow-loop', 'undeclared-loop', 'unknown-polarity'].includes(rule)
    expect(planned.length === 0).toBe(repairIsNotAChannel)
  })

  it.skipIf(diagnose === undefined).each(ruleIds)('%s fires on its gallery model', (rule) => {
    const model = readModel(join(docs, 'diagrams', 'rules', `${rule}.json`))
    expect(diagnose!(model).defects.map((defect) => defect.rule)).toContain(rule)
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
