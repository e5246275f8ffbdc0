import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toGexf, toGraphML } from '../../src/io/index.js'
import { exampleModels, hostileModel } from './fixtures.js'

// Debian's python3-networkx (2.8), installed by .ci/run: a missing networkx fails
// these tests rather than skipping them, so CI always checks that networkx reads us.
const python = '/usr/bin/python3'

const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
print(json.dumps({
  "graphml": [g.number_of_nodes(), g.number_of_edges(), g.is_directed(), sorted({k for _, d in g.nodes(data=True) for k in d})],
  "gexf": [x.number_of_nodes(), x.number_of_edges(), x.is_directed()],
  "latency": sorted(d.get("latencyDays", -1) for _, _, d in g.edges(data=True)),
}))
`

describe('networkx reads our GraphML and GEXF', () => {
  it('is installed (apt-get install python3-networkx)', () => {
    const result = spawnSync(python, ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' })
    expect(result.status, `${python} cannot import networkx: ${result.stderr || String(result.error)}`).toBe(0)
  })

  it.each([...exampleModels(), ['hostile', hostileModel()] as const])('%s', (_name, model) => {
    const folder = mkdtempSync(join(tmpdir(), 'orgintel-nx-'))
    try {
      writeFileSync(join(folder, 'model.graphml'), toGraphML(model))
      writeFileSync(join(folder, 'model.gexf'), toGexf(model))
      const result = spawnSync(python, ['-c', script, join(folder, 'model.graphml'), join(folder, 'model.gexf')], { encoding: 'utf8' })
      expect(result.status, result.stderr).toBe(0)
      const counts = JSON.parse(result.stdout) as { graphml: [number, number, boolean, string[]]; gexf: [number, number, boolean]; latency: number[] }
      expect(counts.graphml.slice(0, 3)).toEqual([model.actors.length, model.channels.length, true])
      expect(counts.graphml[3]).toEqual(expect.arrayContaining(['kind', 'levels', 'name', 'perspective']))
      expect(counts.gexf).toEqual([model.actors.length, model.channels.length, true])
      expect(counts.latency).toEqual(model.channels.map((channel) => channel.latencyDays ?? -1).sort((a, b) => a - b))
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
