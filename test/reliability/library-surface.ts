/**
 * The parts of the public surface (DESIGN.md §5) that other issues are building. The
 * reliability tests look each one up by name and run when it exists, so they switch
 * on as the modules land; until then they are reported as skipped.
 */
import * as orgintel from '../../src/index.js'

const surface = orgintel as unknown as Readonly<Record<string, unknown>>

/** The export named `name`, if the root entry has one that is a function. */
export const optionalFunction = <F extends (...args: never[]) => unknown>(name: string): F | undefined => {
  const value = surface[name]
  return typeof value === 'function' ? (value as F) : undefined
}

export interface LoopLike {
  readonly actors: ReadonlyArray<string>
  readonly channels: ReadonlyArray<ReadonlyArray<string>>
}

export interface DefectLike {
  readonly rule: string
  readonly severity: string
  readonly message: string
  readonly actors: ReadonlyArray<string>
  readonly channels: ReadonlyArray<string>
  readonly repair?: ReadonlyArray<{ from: string; to: string; level: string }>
}

export type FindLoops = (model: orgintel.Model, options?: orgintel.FindLoopsOptions) => { loops: ReadonlyArray<LoopLike>; truncated: boolean }
export type Diagnose = (model: orgintel.Model) => unknown
export type SuggestRepairs = (model: orgintel.Model) => unknown

export const findLoops = optionalFunction<FindLoops>('findLoops')
export const diagnose = optionalFunction<Diagnose>('diagnose')
export const suggestRepairs = optionalFunction<SuggestRepairs>('suggestRepairs')
export const stronglyConnectedComponents = optionalFunction<(model: orgintel.Model) => unknown>('stronglyConnectedComponents')

/** The defects of a diagnosis: every array property whose items look like defects. */
export const defectsOf = (diagnosis: unknown): ReadonlyArray<DefectLike> => {
  if (Array.isArray(diagnosis)) return diagnosis as DefectLike[]
  if (typeof diagnosis !== 'object' || diagnosis === null) return []
  const lists = Object.values(diagnosis).filter(
    (value): value is DefectLike[] => Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'rule' in item),
  )
  return lists.flat()
}

/** The proposed channels in whatever `suggestRepairs` returns (a list, or an object holding one). */
export const proposedChannelsOf = (repairs: unknown): ReadonlyArray<orgintel.ProposedChannel> => {
  const isChannel = (item: unknown): boolean => typeof item === 'object' && item !== null && 'from' in item && 'to' in item
  if (Array.isArray(repairs)) return repairs.filter(isChannel) as orgintel.ProposedChannel[]
  if (typeof repairs !== 'object' || repairs === null) return []
  return Object.values(repairs).flatMap((value) => (Array.isArray(value) ? (value.filter(isChannel) as orgintel.ProposedChannel[]) : []))
}
