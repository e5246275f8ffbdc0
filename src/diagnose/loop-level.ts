import type { TracedLoop } from '../graph/trace-types.js'
import { type Level, levels } from '../model/vocabulary.js'
import type { DiagnosisContext } from './context.js'

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
 * O(route steps, log channels) once per loop. @internal
 */
export const levelOfLoop = (context: DiagnosisContext, loop: TracedLoop): Level | undefined => {
  let known = cache.get(context)
  if (known === undefined) cache.set(context, (known = new WeakMap()))
  if (known.has(loop)) return known.get(loop)
  const holderLevels = context.actor(loop.holder)?.levels ?? []
  const route = new Set<Level>()
  for (const step of loop.steps) {
    // A channel at a level no actor takes part in (a model warns of it) places nothing.
    const level = context.channel(step.channel)?.level
    if (level !== undefined && context.levelsInUse.includes(level)) route.add(level)
  }
  const level =
    levels.find((at) => holderLevels.includes(at) && route.has(at)) ?? levels.find((at) => route.has(at)) ?? levels.find((at) => holderLevels.includes(at))
  known.set(loop, level)
  return level
}
