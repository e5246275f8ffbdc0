import type { TracedLoop } from '../graph/trace-types.js'
import { type Level, levels } from '../model/vocabulary.js'

/**
 * The level a source's loop counts at: the lowest level its holder takes part in that
 * the knowledge travelled at; else, where the holder takes part in none of them, the
 * lowest the knowledge travelled at; else (a loop that never left its holder) the
 * holder's lowest level. A forum at delivery and planning whose issue goes only through
 * planning bodies is a planning loop, and so is a GP patient survey that goes straight
 * to an ICB committee, as a commissioner would file them; per-source findings and the
 * scorecard's levels both count a source here, so it is counted once. @internal
 */
export const levelOfLoop = (holderLevels: ReadonlyArray<Level>, loop: Pick<TracedLoop, 'levels'>): Level | undefined =>
  levels.find((level) => holderLevels.includes(level) && loop.levels.includes(level)) ?? loop.levels[0] ?? levels.find((level) => holderLevels.includes(level))
