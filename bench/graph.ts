import { Graph as GraphlibGraph, alg } from '@dagrejs/graphlib'
import Graphology from 'graphology'
import { stronglyConnectedComponents as graphologyComponents } from 'graphology-components'
import { fileURLToPath } from 'node:url'
import type { Model } from '../src/model/codecs.js'
import { compileGraph } from '../src/graph/compile.js'
import { componentsOf } from '../src/graph/components.js'
import { describeLoop } from '../src/graph/describe.js'
import { enumerateLoops } from '../src/graph/loops.js'
import { repairsForGraph } from '../src/graph/repairs.js'
import { generateOrganisation } from './generate.js'

type Outcome = number | 'overflow' | 'skipped'

const time = (run: () => unknown): Outcome => {
  const start = performance.now()
  try {
    run()
  } catch (error) {
    if (error instanceof RangeError) return 'overflow'
    throw error
  }
  return performance.now() - start
}
const show = (outcome: Outcome): string => (typeof outcome === 'number' ? `${outcome.toFixed(1)} ms` : outcome)
const ratio = (a: Outcome, b: Outcome): string =>
  typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(2)}x` : '-'

/** A bare hand-written baseline: ids to integers, CSR, iterative Tarjan. */
const bareTarjan = (model: Model): number => {
  const index = new Map<string, number>()
  model.actors.forEach((actor, i) => index.set(actor.id, i))
  const n = model.actors.length
  const offsets = new Int32Array(n + 1)
  const from = new Int32Array(model.channels.length)
  const to = new Int32Array(model.channels.length)
  let m = 0
  for (const channel of model.channels) {
    if (channel.status !== 'active') continue
    from[m] = index.get(channel.from)!
    to[m] = index.get(channel.to)!
    offsets[from[m]! + 1]!++
    m++
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const targets = new Int32Array(m)
  const cursor = offsets.slice(0, n)
  for (let k = 0; k < m; k++) targets[cursor[from[k]!]!++] = to[k]!
  const order = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const done = new Uint8Array(n)
  const edge = new Int32Array(n)
  const stack: number[] = []
  const calls: number[] = []
  let counter = 0
  let count = 0
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue
    order[root] = low[root] = counter++
    edge[root] = offsets[root]!
    stack.push(root)
    calls.push(root)
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!
      if (edge[v]! < offsets[v + 1]!) {
        const w = targets[edge[v]!++]!
        if (order[w] === -1) {
          order[w] = low[w] = counter++
          edge[w] = offsets[w]!
          stack.push(w)
          calls.push(w)
        } else if (done[w] === 0) low[v] = Math.min(low[v]!, order[w]!)
        continue
      }
      calls.pop()
      if (low[v] === order[v]) {
        let w: number
        do {
          w = stack.pop()!
          done[w] = 1
        } while (w !== v)
        count++
      }
      if (calls.length > 0) low[calls[calls.length - 1]!] = Math.min(low[calls[calls.length - 1]!]!, low[v]!)
    }
  }
  return count
}

const graphlibTarjan = (model: Model): number => {
  const graph = new GraphlibGraph({ directed: true, multigraph: true })
  for (const actor of model.actors) graph.setNode(`a:${actor.id}`)
  for (const c of model.channels) if (c.status === 'active') graph.setEdge(`a:${c.from}`, `a:${c.to}`, undefined, `c:${c.id}`)
  return alg.tarjan(graph).length
}

const graphologyTarjan = (model: Model): number => {
  const graph = new Graphology({ type: 'directed', multi: true, allowSelfLoops: true })
  for (const actor of model.actors) graph.addNode(actor.id)
  for (const c of model.channels) if (c.status === 'active') graph.addDirectedEdgeWithKey(c.id, c.from, c.to)
  return graphologyComponents(graph).length
}

const loopsPerSecond = (label: string, model: Model, maxLength: number): string => {
  const graph = compileGraph(model)
  const options = { maxLength, maxLoops: 2_000_000, budget: 1e10 }
  // Described and discarded one at a time, as iterateLoops consumers do.
  let start = performance.now()
  const described = enumerateLoops(graph, options)
  let count = 0
  let next = described.next()
  for (; next.done !== true; next = described.next()) if (describeLoop(graph, next.value).actors.length > 0) count++
  const describedRate = count / ((performance.now() - start) / 1000)
  start = performance.now()
  const raw = enumerateLoops(graph, options)
  let rawCount = 0
  while (raw.next().done !== true) rawCount++
  const rawRate = rawCount / ((performance.now() - start) / 1000)
  return `| ${label} | ${maxLength} | ${count} | ${next.value} | ${(describedRate / 1e6).toFixed(2)} M/s | ${(rawRate / 1e6).toFixed(2)} M/s |`
}

const ladder = (rungs: number): Model => {
  const base = generateOrganisation({ seed: 1, actors: 2 * rungs, channels: 0 })
  const channels: Array<Model['channels'][number]> = []
  const add = (from: number, to: number): void => {
    channels.push({ id: `c${channels.length}`, from: `a${from}`, to: `a${to}`, carries: [], level: 'delivery', status: 'active' } as unknown as Model['channels'][number])
  }
  for (let i = 0; i + 1 < rungs; i++) add(i, i + 1), add(rungs + i + 1, rungs + i)
  for (let i = 0; i < rungs; i++) add(i, rungs + i), add(rungs + i, i)
  return { ...base, channels }
}

const complete = (n: number): Model => {
  const base = generateOrganisation({ seed: 1, actors: n, channels: 0 })
  const channels: Array<Model['channels'][number]> = []
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
    if (a !== b) channels.push({ id: `c${channels.length}`, from: `a${a}`, to: `a${b}`, carries: [], level: 'delivery', status: 'active' } as unknown as Model['channels'][number])
  }
  return { ...base, channels }
}

/**
 * Run the graph benchmarks and print markdown tables: SCC (ours against a bare CSR
 * Tarjan, graphlib and graphology, each building its graph from the model), loops per
 * second, repairs against SCC time, and peak memory. `quick` skips 100k/1M.
 * @category Experiments
 */
export const runGraphBench = async (options: { readonly quick: boolean }): Promise<void> => {
  const sizes: Array<[number, number]> = options.quick ? [[1_000, 5_000], [10_000, 50_000]] : [[1_000, 5_000], [10_000, 50_000], [100_000, 1_000_000]]
  console.log('\n## Strongly connected components (build + run)\n')
  console.log('| actors/channels | ours compile+SCC | bare CSR Tarjan | ours/bare | graphlib | graphology | graphology/ours |')
  console.log('|---|---|---|---|---|---|---|')
  let peakRss = 0
  for (const [actors, channels] of sizes) {
    const model = generateOrganisation({ seed: 7, actors, channels })
    const ours = time(() => componentsOf(compileGraph(model)))
    const bare = time(() => bareTarjan(model))
    const graphlib = time(() => graphlibTarjan(model))
    const graphology = time(() => graphologyTarjan(model))
    console.log(`| ${actors}/${channels} | ${show(ours)} | ${show(bare)} | ${ratio(ours, bare)} | ${show(graphlib)} | ${show(graphology)} | ${ratio(graphology, ours)} |`)
    if (actors === 100_000) {
      const delivery = compileGraph(model, { level: 'delivery' })
      const scc = time(() => componentsOf(compileGraph(model, { level: 'delivery' })))
      const repairs = time(() => repairsForGraph(compileGraph(model, { level: 'delivery' }), 'delivery'))
      const repairsOnly = time(() => repairsForGraph(delivery, 'delivery'))
      const sccOnly = time(() => componentsOf(delivery))
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      console.log(`\nRepairs at ${actors}/${channels} (delivery level): compile+repairs ${show(repairs)} vs compile+SCC ${show(scc)} = ${ratio(repairs, scc)}; on a compiled graph ${show(repairsOnly)} vs ${show(sccOnly)} = ${ratio(repairsOnly, sccOnly)}`)
      console.log(`Peak RSS with the 1M-channel model compiled and analysed: ${(peakRss / 2 ** 20).toFixed(0)} MB\n`)
    }
  }
  console.log('\n## Length-bounded loop enumeration (described loops)\n')
  console.log('| graph | maxLength | loops | truncated | described | raw cycles |')
  console.log('|---|---|---|---|---|---|')
  console.log(loopsPerSecond('ladder 200 rungs', ladder(200), 12))
  console.log(loopsPerSecond('complete 10', complete(10), 10))
  console.log(loopsPerSecond('clustered 1k/5k', generateOrganisation({ seed: 7, actors: 1_000, channels: 5_000 }), 6))
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runGraphBench({ quick: process.argv.includes('--quick') })
}
