import { closestName } from '../model/suggest.js'

/** `' (did you mean "x"?)'` or `""`, for the name closest to `name` (see the model's `closestName`). @internal */
export const didYouMean = (name: string, candidates: Iterable<string>): string => {
  const match = closestName(name, candidates)
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`
}
