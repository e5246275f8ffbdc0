/**
 * Benchmark: the library as users call it, a model in (never a pre-compiled graph),
 * through the built package (`dist/index.js`, what a packed tarball ships; build it
 * with `npm run build`, which `npm run bench` does first). `--src` imports `src/`
 * through tsx instead, to try a change without a build.
 *
 * - `suggestRepairs(model, { level: 'delivery' })` against
 *   `stronglyConnectedComponents(model)` on the generated 100,000-actor /
 *   1,000,000-channel organisation (target ≤ 2x).
 * - `findLoops(model, { maxLength })`, then every loop's length, levels and latency read
 *   through `search.table` (summed into a checksum that is printed, so what is timed is
 *   descriptions read, not a promise of them), against a bare counting search written
 *   here (an iterative depth-first search from each actor over larger actors only, as
 *   Johnson roots each cycle at its smallest vertex, counting returns to the start
 *   within the same length bound), on a complete 9-actor graph (125,664 loops of at most
 *   9 actors) and on the generated 1,000-actor / 5,000-channel organisation (target
 *   ≥ 0.3x the bare search's loops per second). The counts must agree. Three reference
 *   lines follow: `findLoops` with every `Loop` object built (reading `search.loops`,
 *   which builds them from the table), the bare search keeping one small object per loop
 *   (what returning an array of loop objects costs at the least: the garbage collector
 *   copies every object that survives), and `iterateLoops` describing each loop and
 *   dropping it. The table is what lets `findLoops` reach the target: it keeps the
 *   figures of every loop in typed arrays, worked out as each loop is found; a search
 *   whose caller reads all 125,664 `Loop` objects pays for the objects (the first
 *   reference line), as any array of objects would.
 *
 * CPU time (user + system), steadier than wall time on a shared machine; after a
 * warm-up the contenders are interleaved round by round and the fastest round of each
 * is kept, so a burst of load slows both alike. (A forced collection before each run
 * was tried: it shrinks the young generation and doubled the bare count's time.)
 * `--quick` uses 10,000 actors / 100,000 channels for the repairs.
 * Run with `npx tsx bench/public-api.ts [--quick] [--src]`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Model } from '../src/model/codecs.js'
import { generateOrganisation } from './generate.js'

/** The public surface this bench calls (the package root's exports). */
type PublicApi = Pick<typeof import('../src/index.js'), 'findLoops' | 'iterateLoops' | 'stronglyConnectedComponents' | 'suggestRepairs'>

/** Options for {@link runPublicApiBench}. */
export interface PublicApiBenchOptions {
  readonly quick: boolean
  /** Import `src/` (through tsx) rather than the built `dist/`. */
  readonly source?: boolean
}

const cpuTime = (run: () => unknown): number => {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const mark = (ok: boolean): string => (ok ? '✓' : '✗')
const grouped = (value: number): string => value.toLocaleString('en-GB')

/** Fastest round of each contender, interleaved round by round after one warm-up run of each. */
const race = (rounds: number, contenders: ReadonlyArray<() => unknown>): number[] => {
  for (const run of contenders) run()
  const best = contenders.map(() => Number.POSITIVE_INFINITY)
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((run, i) => {
      best[i] = Math.min(best[i]!, cpuTime(run))
    })
  }
  return best
}

const loadApi = async (source: boolean): Promise<{ api: PublicApi; from: string }> => {
  if (source) return { api: await import('../src/index.js'), from: 'src/ through tsx' }
  const built = new URL('../dist/index.js', import.meta.url)
  if (!existsSync(built)) throw new Error('bench/public-api.ts: dist/index.js is missing; run `npm run build` first (or pass --src)')
  return { api: (await import(built.href)) as PublicApi, from: 'dist/index.js (the built package)' }
}

/**
 * The bare baseline: active channels to a CSR over actor positions with parallel
 * channels merged, then from each actor `s` an iterative depth-first search over actors
 * above `s` in its strongly connected component, at most `maxLength` actors deep,
 * counting each step back to `s` (a channel from `s` to itself is a loop of one). No
 * other pruning, no description: only the count. With `keep`, each loop found also
 * leaves one small object in an array: the least any search that returns an array of
 * loop objects must do.
 */
export const countLoops = (model: Model, maxLength: number, keep = false): number => {
  const index = new Map<string, number>()
  model.actors.forEach((actor, i) => index.set(actor.id, i))
  const n = model.actors.length
  const offsets = new Int32Array(n + 1)
  const from: number[] = []
  const to: number[] = []
  for (const channel of model.channels) {
    if (channel.status !== 'active') continue
    from.push(index.get(channel.from)!)
    to.push(index.get(channel.to)!)
    offsets[from[from.length - 1]! + 1]!++
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const targets = new Int32Array(from.length).fill(-1)
  const fill = offsets.slice(0, n)
  for (let k = 0; k < from.length; k++) {
    const v = from[k]!
    let duplicate = false
    for (let e = offsets[v]!; e < fill[v]! && !duplicate; e++) duplicate = targets[e] === to[k]
    if (!duplicate) targets[fill[v]!++] = to[k]!
  }
  const componentOf = componentsOfCsr(n, offsets, targets, fill)
  const path = new Int32Array(maxLength)
  const cursor = new Int32Array(maxLength)
  const onPath = new Uint8Array(n)
  let count = 0
  const kept: Array<{ readonly start: number; readonly length: number }> = []
  for (let s = 0; s < n; s++) {
    let depth = 0
    path[0] = s
    cursor[0] = offsets[s]!
    onPath[s] = 1
    while (depth >= 0) {
      const v = path[depth]!
      const edge = cursor[depth]!
      if (edge === fill[v]) {
        onPath[v] = 0
        depth--
        continue
      }
      cursor[depth] = edge + 1
      const w = targets[edge]!
      if (w === s) {
        count++
        if (keep) kept.push({ start: s, length: depth + 1 })
      }
      else if (w > s && onPath[w] === 0 && depth + 1 < maxLength && componentOf[w] === componentOf[s]) {
        path[++depth] = w
        cursor[depth] = offsets[w]!
        onPath[w] = 1
      }
    }
  }
  return count
}

/** Strongly connected component of each actor of a CSR (`targets[offsets[v] .. ends[v]-1]`): iterative Tarjan. */
const componentsOfCsr = (n: number, offsets: Int32Array, targets: Int32Array, ends: Int32Array): Int32Array => {
  const order = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const componentOf = new Int32Array(n).fill(-1)
  const cursor = new Int32Array(n)
  const pending = new Int32Array(n)
  const calls = new Int32Array(n)
  let pendingTop = 0
  let counter = 0
  let count = 0
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue
    let callTop = 0
    order[root] = low[root] = counter++
    cursor[root] = offsets[root]!
    pending[pendingTop++] = root
    calls[callTop++] = root
    while (callTop > 0) {
      const v = calls[callTop - 1]!
      if (cursor[v]! < ends[v]!) {
        const w = targets[cursor[v]!++]!
        if (order[w] === -1) {
          order[w] = low[w] = counter++
          cursor[w] = offsets[w]!
          pending[pendingTop++] = w
          calls[callTop++] = w
        } else if (componentOf[w] === -1) low[v] = Math.min(low[v]!, order[w]!)
        continue
      }
      callTop--
      if (low[v] === order[v]) {
        let w: number
        do {
          w = pending[--pendingTop]!
          componentOf[w] = count
        } while (w !== v)
        count++
      }
      if (callTop > 0) low[calls[callTop - 1]!] = Math.min(low[calls[callTop - 1]!]!, low[v]!)
    }
  }
  return componentOf
}

/** Every ordered pair of `n` actors joined by one active delivery channel. */
export const completeModel = (n: number): Model => {
  const base = generateOrganisation({ seed: 1, actors: n, channels: 0 })
  const channels: Array<Model['channels'][number]> = []
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b) channels.push({ id: `c${channels.length}`, from: `a${a}`, to: `a${b}`, carries: [], level: 'delivery', status: 'active' } as unknown as Model['channels'][number])
    }
  }
  return { ...base, channels }
}

/** Run the public-API benchmark and print its lines. */
export const runPublicApiBench = async (options: PublicApiBenchOptions): Promise<void> => {
  const { api, from } = await loadApi(options.source === true)
  process.stdout.write(`imported from ${from}; CPU time, fastest interleaved round after a warm-up\n`)
  // Each part in its own function, the loops first: timed on a heap the 1M-channel model
  // of the repairs has not yet grown (whose collections they would otherwise pay for).
  benchLoops(api)
  benchRepairs(api, options.quick)
}

const benchRepairs = ({ stronglyConnectedComponents, suggestRepairs }: PublicApi, quick: boolean): void => {
  const [actors, channels] = quick ? [10_000, 100_000] : [100_000, 1_000_000]
  const organisation = generateOrganisation({ seed: 7, actors, channels })
  let repairs = 0
  const [repairMs, sccMs] = race(3, [
    () => (repairs = suggestRepairs(organisation, { level: 'delivery' }).length),
    () => stronglyConnectedComponents(organisation),
  ])
  const repairRatio = repairMs! / sccMs!
  process.stdout.write(
    `suggestRepairs(model, { level: 'delivery' }) on ${grouped(actors)} actors / ${grouped(channels)} channels: ${repairMs!.toFixed(0)} ms (${grouped(repairs)} channels) | ` +
      `stronglyConnectedComponents(model) ${sccMs!.toFixed(0)} ms | ${repairRatio.toFixed(2)}x (target ≤ 2x${quick ? ' at 100k/1M' : ''}) ${quick ? '' : mark(repairRatio <= 2)}\n`,
  )
}

const benchLoops = ({ findLoops, iterateLoops }: PublicApi): void => {
  const cases: ReadonlyArray<readonly [string, Model, number, number]> = [
    ['complete 9 actors', completeModel(9), 9, 7],
    ['organisation 1,000 actors / 5,000 channels', generateOrganisation({ seed: 7, actors: 1_000, channels: 5_000 }), 6, 7],
  ]
  for (const [label, model, maxLength, rounds] of cases) {
    const bounds = { maxLength, maxLoops: Number.POSITIVE_INFINITY, budget: Number.POSITIVE_INFINITY }
    let found = 0
    let truncated = false
    let checksum = 0
    let counted = 0
    let built = 0
    let streamed = 0
    const [describedMs, countedMs, builtMs, keptMs, streamedMs] = race(rounds, [
      () => {
        // Every loop's length, levels and latency, read through the table.
        const search = findLoops(model, bounds)
        const table = search.table
        let sum = 0
        for (let i = 0; i < table.size; i++) sum += table.lengthOf(i) + table.levelsOf(i).length + table.latencyDaysOf(i)
        found = table.size
        truncated = search.truncated
        checksum = sum
      },
      () => (counted = countLoops(model, maxLength)),
      () => (built = findLoops(model, bounds).loops.length),
      () => countLoops(model, maxLength, true),
      () => {
        streamed = 0
        for (const loop of iterateLoops(model, bounds)) streamed += loop.actors.length > 0 ? 1 : 0
      },
    ])
    const described = found / (describedMs! / 1000)
    const bare = counted / (countedMs! / 1000)
    const share = described / bare
    const agree = found === counted && built === found ? '' : ` (counts differ: ${grouped(counted)} counted, ${grouped(built)} built)`
    process.stdout.write(
      `findLoops on ${label}, maxLength ${maxLength}, each loop's length, levels and latency read from search.table (checksum ${grouped(checksum)}): ` +
        `${grouped(found)} loops${truncated ? ' (truncated)' : ''}${agree} in ${describedMs!.toFixed(1)} ms = ${(described / 1e6).toFixed(2)} M/s | ` +
        `bare count ${countedMs!.toFixed(1)} ms = ${(bare / 1e6).toFixed(2)} M/s | ${share.toFixed(2)}x (target ≥ 0.3x) ${mark(share >= 0.3)}\n` +
        `  findLoops, then every Loop object built (search.loops): ${builtMs!.toFixed(1)} ms = ${(countedMs! / builtMs!).toFixed(2)}x the bare count\n` +
        `  bare count keeping one two-field object per loop: ${keptMs!.toFixed(1)} ms = ${(countedMs! / keptMs!).toFixed(2)}x the bare count (about the most a search returning an array of loop objects can reach)\n` +
        `  iterateLoops, each loop described and dropped: ${grouped(streamed)} loops in ${streamedMs!.toFixed(1)} ms = ${(countedMs! / streamedMs!).toFixed(2)}x the bare count\n`,
    )
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runPublicApiBench({ quick: process.argv.includes('--quick'), source: process.argv.includes('--src') })
}
