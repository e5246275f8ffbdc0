/** Optimal string alignment distance (Levenshtein with transpositions), O(|a| |b|). */
const distance = (a: string, b: string): number => {
  const width = b.length + 1
  let before = new Array<number>(width).fill(0)
  let previous = Array.from({ length: width }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(0)
    current[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1)
      current[j] = best
    }
    before = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * The candidate closest to `name` (ignoring case), if it is close enough to be what was
 * meant: at most a third of the name's length away, and at most 3 edits.
 * O(candidates × length²).
 * @internal
 */
export const closestName = (name: string, candidates: Iterable<string>): string | undefined => {
  const lower = name.toLowerCase()
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)))
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}

/** `" (did you mean 'x'?)"` or `""`. @internal */
export const didYouMean = (name: string, candidates: Iterable<string>): string => {
  const match = closestName(name, candidates)
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`
}
