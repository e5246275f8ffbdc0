import type { TracedLoop } from '../graph/trace-types.js'
import { type Level, levels } from '../model/vocabulary.js'
import type { DiagnosisContext } from './context.js'
import { levelBit } from '../graph/edge-data.js'

/** Each traced loop's level, for one context (it reads the context's actors and channels), worked out once: rules and the scorecard ask for the same loops'. */
const cache = new WeakMap<DiagnosisContext, WeakMap<TracedLoop, Level | undefined>>()

/**
 * The level a source's loop counts at, read from its route (`steps`: out and back for a
 * loop that closes, to where it stops for one that does not): the lowest level its holder
 * takes part in that the route runs at; else, where the holder takes part in none of them,
 * the lowest the route runs at; else (knowledge that never left its holder) the holder's
 * lowest level. A forum at delivery and planning whose issue goes only through planning
 * bodies is a planning loop, and so is a GP patient survey that goes straight to an ICB
 * committee, or a commissioner's contract monitoring whose improvements reach residents
 * as care but come back over planning channels, as a commissioner would file them.
 * Per-source findings and the scorecard's levels both count a source here, once.
 * O(route steps, log channels) once per loop; for the loops of the context's own trace,
 * O(1) each from the route levels the trace noted, all worked out on the first call. @internal
 */
export const levelOfLoop = (context: DiagnosisContext, loop: TracedLoop): Level | undefined => {
  let known = cache.get(context)
  if (known === undefined) cache.set(context, (known = levelsOfTraces(context)))
  if (known.has(loop)) return known.get(loop)
  const route = new Set<Level>()
  for (const step of loop.steps) {
    // A channel at a level no actor takes part in (a model warns of it) places nothing.
    const level = context.channel(step.channel)?.level
    if (level !== undefined) route.add(level)
  }
  const level = levelOfRoute(context, context.actor(loop.holder)?.levels ?? [], (at) => route.has(at))
  known.set(loop, level)
  return level
}

/** The level a loop counts at, from its holder's levels and the levels its route runs at (see {@link levelOfLoop}). */
const levelOfRoute = (context: DiagnosisContext, holderLevels: ReadonlyArray<Level>, onRoute: (level: Level) => boolean): Level | undefined => {
  const runs = (level: Level): boolean => context.levelsInUse.includes(level) && onRoute(level)
  return levels.find((at) => holderLevels.includes(at) && runs(at)) ?? levels.find(runs) ?? levels.find((at) => holderLevels.includes(at))
}

/** The level of every loop of the context's trace, from the route levels the trace noted: no channel looked up by id. */
const levelsOfTraces = (context: DiagnosisContext): WeakMap<TracedLoop, Level | undefined> => {
  const known = new WeakMap<TracedLoop, Level | undefined>()
  const { holders, routeLevels } = context.tracedActors()
  const actors = context.graph.actors
  context.traces().loops.forEach((loop, i) => {
    const mask = routeLevels[i]!
    known.set(loop, levelOfRoute(context, actors[holders[i]!]!.levels, (at) => (mask & levelBit(at)) !== 0))
  })
  return known
}
