import { readFileSync, writeFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fromGraphML } from '../../src/io/graphml-read.js'
import { parseModel } from '../../src/model/decode.js'
import { examplePath, lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const validModel = (text: string) => {
  const parsed = parseModel(text)
  if (parsed._tag === 'Left') throw new Error(JSON.stringify(parsed.left.slice(0, 3)))
  return parsed.right
}

describe('orgintel render', () => {
  it.each([
    ['mermaid', (text: string) => expect(text).toMatch(/^(flowchart|graph) /m)],
    ['dot', (text: string) => expect(text).toMatch(/^digraph /)],
    ['graphml', (text: string) => expect(fromGraphML(text)._tag).toBe('Right')],
    ['gexf', (text: string) => expect(text).toContain('<gexf')],
    ['cytoscape', (text: string) => expect(JSON.parse(text)).toHaveProperty('elements')],
    ['kumu', (text: string) => expect(JSON.parse(text)).toHaveProperty('elements')],
  ])('renders --to %s', async (target, check) => {
    const result = await runInProcess(['render', wardModel, '--to', target])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    check(result.stdout)
  })

  it('renders SVG with Graphviz in WebAssembly, highlighted, into a file', async () => {
    const out = folder.file('ward.svg')
    const result = await runInProcess(['render', wardModel, '--to', 'svg', '--highlight', '-o', out])
    expect(result.code).toBe(0)
    const svg = readFileSync(out, 'utf8')
    expect(svg).toMatch(/^(<svg|<\?xml)/)
    expect(svg).toContain('</svg>')
    expect(svg.match(/<g id="node\d+" class="node/g)).toHaveLength(8)
    expect(folder.names()).toEqual(['ward.svg'])
  })

  it('refuses --highlight where the format cannot show it, writing nothing', async () => {
    const out = folder.file('ward.graphml')
    const result = await runInProcess(['render', wardModel, '--to', 'graphml', '--highlight', '-o', out])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual(['orgintel render: --highlight works with mermaid, dot, svg and cytoscape'])
    expect(folder.names()).toEqual([])
  })

  it('leaves an existing output file as it was when the command fails', async () => {
    const out = folder.file('ward.dot')
    writeFileSync(out, 'old contents\n')
    const result = await runInProcess(['render', '/nonexistent.json', '--to', 'dot', '-o', out])
    expect(result.code).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('old contents\n')
    expect(folder.names()).toEqual(['ward.dot'])
  })
})

describe('orgintel import', () => {
  it('imports the CSV example into a valid model that keeps every row', async () => {
    const out = folder.file('model.json')
    const data = (name: string) => examplePath(`data/community-${name}.csv`)
    const result = await runInProcess([
      'import', '--from', 'csv', '--actors', data('actors'), '--channels', data('channels'),
      '--assets', data('assets'), '--loops', data('loops'), '--id', 'community', '-o', out,
    ])
    expect(result.code).toBe(0)
    const model = validModel(readFileSync(out, 'utf8'))
    expect(model.id).toBe('community')
    const rows = (name: string) => lines(readFileSync(data(name), 'utf8')).length - 1
    expect(model.actors).toHaveLength(rows('actors'))
    expect(model.channels).toHaveLength(rows('channels'))
    expect(model.assets).toHaveLength(rows('assets'))
  })

  it('round-trips GraphML: render --to graphml, then import, gives the same model', async () => {
    const graphml = folder.file('ward.graphml')
    expect((await runInProcess(['render', wardModel, '--to', 'graphml', '-o', graphml])).code).toBe(0)
    const out = folder.file('model.json')
    expect((await runInProcess(['import', '--from', 'graphml', graphml, '-o', out])).code).toBe(0)
    expect(validModel(readFileSync(out, 'utf8'))).toEqual(validModel(readFileSync(wardModel, 'utf8')))
  })

  it('imports the GraphML and FHIR examples into valid models', async () => {
    const fromGraphml = await runInProcess(['import', '--from', 'graphml', examplePath('data/ward-you-said-we-did.graphml'), '-o', '-'])
    expect(fromGraphml.code).toBe(0)
    expect(validModel(fromGraphml.stdout).actors.length).toBeGreaterThan(0)
    const fromFhir = await runInProcess(['import', '--from', 'fhir', examplePath('data/fhir-community-bundle.json'), '-o', '-'])
    expect(fromFhir.code).toBe(0)
    expect(validModel(fromFhir.stdout).actors.length).toBeGreaterThan(0)
    expect(fromFhir.stderr).toContain('[unresolved-reference]')
  })

  it('reports a bad CSV cell by row and column, and writes nothing', async () => {
    const channels = readFileSync(examplePath('data/community-channels.csv'), 'utf8').split('\n')
    channels[2] = channels[2]!.replace(/,[^,]*$/, ',sideways')
    writeFileSync(folder.file('channels.csv'), channels.join('\n'))
    const out = folder.file('model.json')
    const result = await runInProcess([
      'import', '--from', 'csv', '--actors', examplePath('data/community-actors.csv'), '--channels', folder.file('channels.csv'), '-o', out,
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/channels\.csv row 3, column polarity/)
    expect(folder.names()).toEqual(['channels.csv'])
  })

  it.each([
    [['import', '-o', '-'], 'orgintel import: --from is required (csv, graphml or fhir)'],
    [['import', '--from', 'xls', '-o', '-'], 'orgintel import: --from must be one of csv, graphml, fhir (got "xls")'],
    [['import', '--from', 'graphml', '-o', '-'], 'orgintel import: import --from graphml needs an input file (or - for standard input)'],
    [['import', '--from', 'csv', '-o', '-'], 'orgintel import: import --from csv needs --actors FILE and --channels FILE'],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([message])
  })
})

describe('orgintel schema', () => {
  it('prints a JSON Schema that accepts the example model', async () => {
    const result = await runInProcess(['schema'])
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout) as Record<string, unknown>
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
    const ajv = new Ajv2020({ strict: false })
    const validate = ajv.compile(schema)
    expect(validate(JSON.parse(readFileSync(wardModel, 'utf8')))).toBe(true)
    expect(validate({ schema: 'orgintel/v2' })).toBe(false)
  })
})
