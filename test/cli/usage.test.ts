import { describe, expect, it } from 'vitest'
import { parseCommandArguments, parseWholeNumber } from '../../src/cli/args.js'
import { commands } from '../../src/cli/commands/index.js'
import { CommandFailure } from '../../src/cli/failure.js'
import { hasStackTrace, lines, runInProcess, wardModel } from './harness.js'

describe('orgintel usage', () => {
  it('lists every command in --help and exits 0', async () => {
    const result = await runInProcess(['--help'])
    expect(result.code).toBe(0)
    for (const name of ['validate', 'diagnose', 'loops', 'trace', 'render', 'import', 'simulate', 'sweep', 'merge', 'schema']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    }
    expect(result.stdout).toContain('Exit codes: 0')
  })

  it('prints help on stderr and exits 2 when no command is given', async () => {
    const result = await runInProcess([])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Usage: orgintel <command>')
  })

  it('prints the version', async () => {
    const result = await runInProcess(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\S+\n$/)
  })

  it.each(commands.map((command) => command.name))('prints the usage of %s with --help', async (name) => {
    const result = await runInProcess([name, '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Usage: orgintel ${name}`)
  })

  it.each([
    [['bogus'], 'orgintel: unknown command "bogus"; run "orgintel --help"'],
    [['validate', wardModel, '--bogus'], 'orgintel validate: unknown option --bogus; see --help'],
    [['render', wardModel, '-x'], 'orgintel render: unknown option -x; see --help'],
    [['render', wardModel, '--to'], 'orgintel render: --to needs a value; see --help'],
    [['render', wardModel, '--highlight=yes', '--to', 'dot'], 'orgintel render: --highlight takes no value; see --help'],
    [['render', wardModel, '--to', 'dot', '--to', 'svg'], 'orgintel render: --to is given more than once'],
    [['render', wardModel, '--to', 'png'], 'orgintel render: --to must be one of mermaid, dot, svg, graphml, gexf, cytoscape, kumu (got "png")'],
    // A near miss is named, for commands, flags and values alike.
    [['diagnos', wardModel], 'orgintel: unknown command "diagnos"; did you mean "diagnose"? Run "orgintel --help"'],
    [['diagnose', wardModel, '--formt', 'json'], 'orgintel diagnose: unknown option --formt (did you mean --format?); see --help'],
    [['render', wardModel, '--to', 'mermiad'], 'orgintel render: --to must be one of mermaid, dot, svg, graphml, gexf, cytoscape, kumu (got "mermiad"; did you mean mermaid?)'],
    [['validate'], 'orgintel validate: missing model file'],
    [['validate', wardModel, wardModel], `orgintel validate: unexpected argument ${JSON.stringify(wardModel.slice(0, 40) + (wardModel.length > 40 ? '…' : ''))}`],
    [['loops', wardModel, '--level', 'delivry'], 'orgintel loops: --level must be one of delivery, planning, strategy (got "delivry"; did you mean delivery?)'],
    [['loops', wardModel, '--max-length', '1e3'], 'orgintel loops: --max-length must be a whole number, 1 or more (got "1e3")'],
    [['loops', wardModel, '--max-length', '0'], 'orgintel loops: --max-length must be a whole number, 1 or more (got "0")'],
    [['schema', 'extra'], 'orgintel schema: schema takes no arguments'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toEqual([message])
  })

  it.each([
    ['a missing file', ['validate', '/nonexistent/model.json'], 'orgintel validate: cannot read /nonexistent/model.json: no such file or folder'],
    ['a folder', ['validate', '/tmp'], 'orgintel validate: cannot read /tmp: is a folder, not a file'],
    ['an unwritable output', ['schema', '-o', '/nonexistent/folder/schema.json'], 'orgintel schema: cannot write /nonexistent/folder/schema.json: no such file or folder'],
  ])('exits 2 for %s, without a stack trace', async (_, argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([message])
    expect(hasStackTrace(result.stderr)).toBe(false)
  })
})

describe('argument parsing', () => {
  it('takes "-" as a positional and as an option value', () => {
    const parsed = parseCommandArguments(['-', '-o', '-'], { out: { type: 'string', short: 'o' } })
    expect(parsed.positionals).toEqual(['-'])
    expect(parsed.values['out']).toBe('-')
  })

  it('accepts only plain digits as whole numbers', () => {
    expect(parseWholeNumber('42', '--n')).toBe(42)
    for (const text of ['', ' 1', '0x10', '1.5', '-1', '+2', '1e2', '99999999999999999']) {
      expect(() => parseWholeNumber(text, '--n'), text).toThrow(CommandFailure)
    }
  })
})
