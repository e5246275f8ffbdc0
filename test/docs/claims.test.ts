/**
 * What the guide pages say about real output holds: the Ward 7 diagnosis the quick start
 * walks through, every command, flag line, exit code and sample output of the command
 * line page, the figures in the simulation plot's description, and the list of pages
 * typedoc builds.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { commands } from '../../src/cli/commands/index.js'
import { exitCodes } from '../../src/cli/failure.js'
import { applyRepairs, builtinRules, diagnose, formatDiagnosis } from '../../src/index.js'
import { readModel } from '../../scripts/docs-diagrams.js'
import { closureCurve, loadSimulate, palsReplyRestored } from '../../scripts/docs-plots.js'
import { runInProcess } from '../cli/harness.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const page = (name: string): string => readFileSync(join(root, 'docs', name), 'utf8')
const ward = readModel(join(root, 'examples', 'models', 'ward-you-said-we-did.json'))

/** The text of a page between a heading and the next heading of the same depth. */
const section = (text: string, heading: string): string => {
  const start = text.indexOf(`${heading}\n`)
  expect(start, heading).toBeGreaterThanOrEqual(0)
  const depth = /^#+/.exec(heading)![0]
  const next = text.indexOf(`\n${depth} `, start + heading.length)
  return text.slice(start, next === -1 ? undefined : next)
}

describe('quick start: reading the Ward 7 diagnosis', () => {
  const diagnosis = diagnose(ward)
  const result = section(page('quick-start.md'), '## 4. Read the result')

  it('counts the built-in rules as the library does', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenty-one', 'twenty-two']
    expect(page('quick-start.md').replace(/\s+/g, ' ')).toContain(`runs the ${words[builtinRules.length]} built-in rules`)
  })

  it('quotes the first line of the real report', () => {
    expect(result).toContain(formatDiagnosis(diagnosis, 'text').split('\n')[0])
  })

  it('names every rule that fires, once, with its severity, and no other, in order of severity', () => {
    const stated = [...result.matchAll(/^- \*\*`([a-z-]+)`\*\* \((error|warning|info)\)/gm)].map((match) => [match[1]!, match[2]!] as const)
    const fired = new Set(diagnosis.defects.map((defect) => `${defect.rule} ${defect.severity}`))
    expect(stated.map(([rule, severity]) => `${rule} ${severity}`).sort()).toEqual([...fired].sort())
    const rank = stated.map(([, severity]) => ['error', 'warning', 'info'].indexOf(severity))
    expect(rank).toEqual([...rank].sort((a, b) => a - b))
  })

  it('states the repairs the library proposes, and that they clear every error and open loop', () => {
    // "The repair proposes an active channel from `pals` to `carers`".
    const broken = diagnosis.defects.find((defect) => defect.rule === 'declared-loop-broken')
    expect(broken?.repair?.map(({ from, to }) => `${from}->${to}`)).toEqual(['pals->carers'])
    // "two more sources of lay knowledge never come back", besides the carers' concerns.
    expect(result).toContain('two more sources of lay knowledge never come back')
    expect(diagnosis.defects.filter((defect) => defect.rule === 'open-loop' && defect.severity === 'warning')).toHaveLength(2)
    expect(diagnosis.defects.filter((defect) => defect.rule === 'acted-not-reported' && defect.message.includes('nothing comes back'))).toHaveLength(1)
    const repaired = applyRepairs(ward, diagnosis.defects.flatMap((defect) => defect.repair ?? []))
    expect(diagnose(repaired).defects.filter((defect) => defect.severity === 'error' || defect.rule === 'open-loop')).toEqual([])
  })
})

describe('the command line page', () => {
  const cli = page('cli.md')

  it.each(commands.map((command) => [command.name, command] as const))('documents orgintel %s with its usage, verbatim', (name, command) => {
    expect(cli).toContain(`\n### orgintel ${name}\n`)
    expect(cli).toContain(`\n${command.usage}\n`)
  })

  it('lists every exit code', () => {
    const table = section(cli, '## Exit codes')
    for (const code of Object.values(exitCodes)) expect(table).toContain(`| \`${code}\` |`)
  })

  it('shows sample output that the command really prints', async () => {
    const samples = [...cli.matchAll(/```sh\n\$ npx orgintel ([^\n]+)\n([\s\S]*?)```/g)]
    expect(samples.length).toBeGreaterThanOrEqual(2)
    for (const [, command, output] of samples) {
      const result = await runInProcess(command!.split(' '))
      expect(result.code, command).toBe(0)
      expect(result.stdout, command).toBe(output)
    }
  })

  it('is linked from the quick start', () => {
    expect(page('quick-start.md')).toContain('](./cli.md)')
  })
})

describe('the simulation guide', () => {
  it('describes the plot with figures that real runs give', async () => {
    const simulate = await loadSimulate()
    expect(simulate).toBeDefined()
    const alt = /!\[Share of experiences answered over a year: as is, about (\d+)%; with the PALS reply restored, about (\d+)%\]/.exec(page('simulation.md'))
    expect(alt).not.toBeNull()
    // The same runs as the plot (scripts/docs-plots.ts): 20 seeds, 365 days.
    const final = (interventions: ReadonlyArray<unknown>): number => closureCurve(simulate!, ward, interventions, 365, 20).at(-1)![1]
    expect(Math.abs(final([]) - Number(alt![1]))).toBeLessThanOrEqual(1.5)
    expect(Math.abs(final([palsReplyRestored]) - Number(alt![2]))).toBeLessThanOrEqual(1.5)
  })
})

describe('the site', () => {
  it('builds every guide page in docs/', () => {
    const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { projectDocuments: ReadonlyArray<string> }
    const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)
    expect([...typedoc.projectDocuments].sort()).toEqual(pages.sort())
  })
})
