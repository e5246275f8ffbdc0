import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasStackTrace, lines, runChild, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const wardText = (): string => readFileSync(wardModel, 'utf8')
const wardAsVersion1 = (): string => wardText().replace('"schema": "orgintel/v2"', '"schema": "orgintel/v1"')

const write = (name: string, text: string): string => folder.write(name, text)

describe('orgintel migrate', () => {
  it('rewrites a v1 model as v2 with -o, changing only the schema, and says so on stderr', async () => {
    const input = write('old.json', wardAsVersion1())
    const output = folder.file('new.json')
    const result = await runInProcess(['migrate', input, '-o', output])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: /schema: .*'orgintel/v1'.*'orgintel/v2'.* \\[upgraded-from-v1\\]$`)),
      `wrote ${output}`,
    ])
    const written = JSON.parse(readFileSync(output, 'utf8'))
    expect(written).toEqual({ ...JSON.parse(wardAsVersion1()), schema: 'orgintel/v2' })
    // No defaults written out: the author's fields, in the author's order.
    expect(Object.keys(written)).toEqual(Object.keys(JSON.parse(wardText())))
    expect(written.actors[0]).toEqual({ id: 'ward-7-patients', name: 'Ward 7 patients', kind: 'patient', levels: ['delivery'] })
    // The result decodes as v2 without a notice.
    const again = await runInProcess(['migrate', output])
    expect(lines(again.stderr)).toEqual([`${output}: already orgintel/v2; nothing to change`])
  })

  it('writes to standard output without -o, and reads standard input with -', async () => {
    const result = await runChild(['migrate', '-'], wardAsVersion1())
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).schema).toBe('orgintel/v2')
    expect(result.stderr).toContain('stdin: /schema: ')
    expect(result.stderr).toContain('[upgraded-from-v1]')
  })

  it('rewrites a file in place only when asked to with --force (output onto an input is refused otherwise)', async () => {
    const path = write('model.json', `\ufeff${wardAsVersion1()}`)
    expect((await runInProcess(['migrate', path, '-o', path])).code).toBe(2)
    expect(readFileSync(path, 'utf8')).toContain('orgintel/v1')
    expect((await runInProcess(['migrate', path, '-o', path, '--force'])).code).toBe(0)
    expect(JSON.parse(readFileSync(path, 'utf8')).schema).toBe('orgintel/v2')
  })

  it('refuses a model that does not decode, listing every error, and writes nothing', async () => {
    const broken = JSON.parse(wardAsVersion1())
    broken.channels[0].Status = 'inactive'
    broken.channels[1].to = 'nobody'
    const input = write('broken.json', JSON.stringify(broken))
    const output = folder.file('out.json')
    const result = await runInProcess(['migrate', input, '-o', output])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      `${input}: /channels/0/Status: Channel '${broken.channels[0].id}' has a field 'Status' that the format does not define. Did you mean 'status'? [unknown-field]`,
      expect.stringMatching(/\/channels\/1\/to: .* \[unknown-reference\]$/),
      `orgintel migrate: ${input} is not a valid orgintel model, so it was not migrated`,
    ])
    expect(folder.names()).toEqual(['broken.json'])
    expect(hasStackTrace(result.stderr)).toBe(false)
  })

  it('says where invalid JSON is, once', async () => {
    const input = write('bad.json', '{\n  "schema": "orgintel/v1",\n  "actors": [1 2]\n}')
    const result = await runInProcess(['migrate', input])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)[0]).toBe(`${input}: (document): The document is not valid JSON: unexpected character '2' at line 3, column 16. [invalid-json]`)
  })

  it.each([
    [['migrate'], 'orgintel migrate: missing model file'],
    [['migrate', 'a.json', 'b.json'], 'orgintel migrate: unexpected argument "b.json"'],
    [['migrate', '/nonexistent/m.json'], 'orgintel migrate: cannot read /nonexistent/m.json: no such file or folder'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([message])
  })
})
