/**
 * Algorithms on whatever decodes (issue 8): for generated valid models (hostile ids
 * included), the graph algorithms finish without throwing, stay within their bounds,
 * write nothing to the console and agree with brute-force oracles (small-graph.ts).
 * FUZZ_MODELS sets the number of models.
 */
import { afterAll, describe, expect, it } from 'vitest'
import {
  type Model,
  compileGraph,
  defaultLoopBounds,
  diagnose,
  findLoops,
  returnPath,
  stronglyConnectedComponents,
  suggestRepairs,
} from '../../src/index.js'
import { applyRepairs } from '../../src/graph/apply-repairs.js'
import { checkOverModels, fuzzedModelCount, fuzzedModels } from './fuzzed-models.js'
import { canonicalCycle, distances, elementaryCycles, reachability, smallGraph } from './small-graph.js'

const models = (): ReadonlyArray<Model> => fuzzedModels(5_000)
const figures: string[] = []
const sortIds = (ids: string[]): string[] => ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

const overModels = (name: string, check: (model: Model, problems: string[]) => void, counted?: () => string): void =>
  checkOverModels(models(), figures, name, check, counted)

describe(`algorithms on ${fuzzedModelCount} generated models`, () => {
  afterAll(() => console.log([`algorithms on ${models().length} fuzzed models:`, ...figures].join('\n')))

  it('compileGraph: CSR offsets are monotone, every edge is an active channel between its ends', () => {
    overModels('compileGraph', (model, problems) => {
      const graph = compileGraph(model)
      if (graph.offsets[graph.actorCount] !== graph.edgeCount) problems.push('offsets do not end at edgeCount')
      for (let v = 0; v < graph.actorCount; v++) {
        if (graph.offsets[v + 1]! < graph.offsets[v]!) problems.push(`offsets fall at ${v}`)
        for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
          const channel = model.channels[graph.edgeChannel[e]!]!
          if (channel.status !== 'active' || channel.from !== graph.actors[v]!.id || channel.to !== graph.actors[graph.targets[e]!]!.id) {
            problems.push(`edge ${e} is not its channel`)
          }
        }
      }
      if (graph.edgeCount !== model.channels.filter((channel) => channel.status === 'active').length) problems.push('edgeCount is not the active channels')
    })
  })

  it('findLoops: exactly the elementary cycles of active channels, in canonical rotation, within the bounds', () => {
    let loops = 0
    overModels('findLoops', (model, problems) => {
      const active = model.channels.filter((c) => c.status === 'active')
      const search = findLoops(model)
      loops += search.loops.length
      for (const loop of search.loops) {
        if (new Set(loop.actors).size !== loop.actors.length) problems.push('a loop repeats an actor')
        if (loop.actors.length > defaultLoopBounds.maxLength) problems.push('a loop is longer than maxLength')
        if (canonicalCycle(loop.actors) !== JSON.stringify(loop.actors)) problems.push('a loop is not in canonical rotation')
        loop.actors.forEach((actor, step) => {
          const next = loop.actors[(step + 1) % loop.actors.length]
          const joining = sortIds(active.filter((c) => c.from === actor && c.to === next).map((c) => c.id))
          if (JSON.stringify(loop.channels[step]) !== JSON.stringify(joining)) problems.push(`step ${step} does not list every active channel joining its actors`)
        })
      }
      // Models of at most 10 actors are within every default bound: the search is complete.
      if (search.truncated) problems.push('truncated')
      const found = new Set(search.loops.map((loop) => JSON.stringify(loop.actors)))
      const expected = elementaryCycles(smallGraph(model))
      if (found.size !== search.loops.length) problems.push('a loop is listed twice')
      if (found.size !== expected.size || [...expected].some((cycle) => !found.has(cycle))) problems.push(`found ${found.size} loops, the oracle ${expected.size}`)
    }, () => `${loops} loops`)
  })

  it('stronglyConnectedComponents: partition the actors; together exactly when each reaches the other', () => {
    let components = 0
    overModels('stronglyConnectedComponents', (model, problems) => {
      const result = stronglyConnectedComponents(model)
      components += result.length
      const all = result.flat()
      if (JSON.stringify(sortIds([...all])) !== JSON.stringify(sortIds(model.actors.map((actor) => actor.id)))) problems.push('components do not partition the actors')
      for (const members of result) if (JSON.stringify(sortIds([...members])) !== JSON.stringify(members)) problems.push('a component is not sorted')
      const graph = smallGraph(model)
      const reach = reachability(graph)
      const componentOf = new Map(result.flatMap((members, c) => members.map((id) => [id as string, c] as const)))
      graph.ids.forEach((u, i) => graph.ids.forEach((v, j) => {
        if ((componentOf.get(u) === componentOf.get(v)) !== (reach[i]![j]! && reach[j]![i]!)) problems.push(`${i} and ${j} are misplaced`)
      }))
    }, () => `${components} components`)
  })

  it('suggestRepairs: the proposals join known actors and close every open loop; with connect-level, leave every level strongly connected', () => {
    let proposals = 0
    overModels('suggestRepairs', (model, problems) => {
      const known = new Set<string>(model.actors.map((actor) => actor.id))
      const repairedWith = (goal: 'close-open-loops' | 'connect-level'): Model => {
        const proposed = suggestRepairs(model, { goal })
        proposals += proposed.length
        for (const p of proposed) if (!known.has(p.from) || !known.has(p.to) || p.from === p.to) problems.push('a proposal joins unknown or equal actors')
        return {
          ...model,
          channels: [
            ...model.channels,
            ...proposed.map((p, i) => ({ id: `repair-${i}`, from: p.from, to: p.to, carries: p.carries, level: p.level, status: 'active' as const }) as Model['channels'][number]),
          ],
        }
      }
      const closing = repairedWith('close-open-loops')
      const connecting = repairedWith('connect-level')
      for (const level of ['delivery', 'planning', 'strategy'] as const) {
        const atLevel = (c: Model['channels'][number]) => c.status === 'active' && c.level === level
        const closed = reachability(smallGraph(closing, atLevel))
        const index = new Map(closing.actors.map((actor, i) => [actor.id as string, i]))
        if (closing.channels.some((c) => atLevel(c) && !closed[index.get(c.to)!]![index.get(c.from)!])) problems.push(`${level}: a channel is on no loop after the repairs`)
        const reach = reachability(smallGraph(connecting, atLevel))
        const members = connecting.actors.flatMap((actor, i) => (actor.levels.includes(level) ? [i] : []))
        if (members.some((u) => members.some((v) => !reach[u]![v]))) problems.push(`${level} is not strongly connected after the connect-level repairs`)
      }
      // A cycle of actors is not a reply: open loops are closed by the diagnosis's own repairs
      // (replies made from what was said), which must also clear every error. An
      // organisation of one actor has nobody to answer it, so nothing there can close.
      if (model.actors.length > 1) {
        const repaired = applyRepairs(model, diagnose(model).defects.flatMap((defect) => defect.repair ?? []))
        if (diagnose(repaired).defects.some((defect) => defect.rule === 'open-loop' || defect.severity === 'error')) problems.push(`an open loop or an error is left: ${diagnose(repaired).defects.filter((defect) => defect.rule === 'open-loop' || defect.severity === 'error').map((defect) => `${defect.rule} ${defect.message}`).join(' | ').slice(0, 400)}`)
      }
    }, () => `${proposals} proposals`)
  })

  it('returnPath: a path of active channels exactly when one exists, as short as any (hops and latency)', () => {
    let paths = 0
    overModels('returnPath', (model, problems) => {
      const graph = smallGraph(model)
      const channels = new Map(model.channels.map((c) => [c.id as string, c]))
      for (const weight of ['hops', 'latency'] as const) {
        const best = distances(graph, weight)
        graph.ids.forEach((from, u) => graph.ids.forEach((to, v) => {
          const path = returnPath(model, from as never, to as never, { weight })
          if (u === v) {
            if (JSON.stringify(path) !== JSON.stringify({ actors: [from], channels: [], hops: 0, latencyDays: 0 })) problems.push('a path to oneself is not empty')
            return
          }
          if (path === undefined) {
            if (best[u]![v] !== Number.POSITIVE_INFINITY) problems.push(`no ${weight} path ${u} → ${v}, though one exists`)
            return
          }
          paths++
          let latency = 0
          const valid = path.actors[0] === from && path.actors[path.actors.length - 1] === to &&
            path.hops === path.channels.length && path.actors.length === path.channels.length + 1 &&
            path.channels.every((id, step) => {
              const channel = channels.get(id)
              latency += channel?.latencyDays ?? 0
              return channel?.status === 'active' && channel.from === path.actors[step] && channel.to === path.actors[step + 1]
            })
          if (!valid || Math.abs(path.latencyDays - latency) > 1e-9) problems.push(`the ${weight} path ${u} → ${v} is not a path of active channels`)
          const cost = weight === 'hops' ? path.hops : path.latencyDays
          if (Math.abs(cost - best[u]![v]!) > 1e-9) problems.push(`the ${weight} path ${u} → ${v} costs ${cost}, the oracle ${best[u]![v]}`)
        }))
      }
    }, () => `${paths} paths`)
  })
})
