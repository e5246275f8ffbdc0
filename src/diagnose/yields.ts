import type { Defect, Finding } from './types.js'

/** A finding as a rule made it, with the severity it is reported at. @internal */
export interface Said {
  readonly rule: string
  readonly severity: Defect['severity']
  readonly finding: Finding
}

const severityRank: Readonly<Record<Defect['severity'], number>> = { error: 0, warning: 1, info: 2 }

/**
 * Where one rule's finding says nothing another's does not: `rule`'s finding gives way to
 * one of `to`'s with the same `key` that `covers` it and is more severe (`strictly`) or at
 * least as severe.
 */
interface Yield {
  readonly rule: string
  readonly to: ReadonlyArray<string>
  readonly strictly: boolean
  readonly key: (finding: Finding) => string | undefined
  /** The keys one of `to`'s findings is found by; by default its `key`. */
  readonly keys?: (finding: Finding) => Iterable<string>
  /** Whether one of `to`'s findings found by the key says all that `rule`'s does; by default, any does. */
  readonly covers?: (mine: Finding, theirs: Finding) => boolean
}

/** A finding's assets as a set, made once per finding: coverage is checked in linear time. */
const assetSets = new WeakMap<Finding, ReadonlySet<string>>()
const assetSet = (finding: Finding): ReadonlySet<string> => {
  let set = assetSets.get(finding)
  if (set === undefined) assetSets.set(finding, (set = new Set(finding.assets ?? [])))
  return set
}

const source = (finding: Finding): string | undefined => finding.assets?.[0]

const yields: ReadonlyArray<Yield> = [
  // That nothing comes back is part of what acted-not-reported says, an error, when a change
  // was made from what people said and nobody tells them: a commissioner reads one gap.
  { rule: 'open-loop', to: ['acted-not-reported'], strictly: true, key: source },
  // So is an answer not made from what was done: a family told the findings of a safety
  // review but never that the ward changed hears of one gap, not two.
  { rule: 'heard-not-acted', to: ['acted-not-reported'], strictly: true, key: source },
  // A reply or report that goes nowhere, when a finding about the loop it was made in
  // already delivers it (the liaison officer's planned six-month letter): the same gap. A
  // story that never left its teller is still said to go nowhere, with who never hears it.
  {
    rule: 'unused-knowledge',
    to: ['acted-not-reported', 'declared-loop-broken', 'open-loop'],
    strictly: false,
    key: source,
    keys: (finding) => new Set((finding.repair ?? []).flatMap((channel) => channel.carries.filter((id) => id !== source(finding)))),
  },
  // A level's loops never made into a plan, when they are all lay experience that
  // learning-stuck already says is never made into one (with the plan it could change),
  // whichever level each counts at.
  {
    rule: 'single-loop-trap',
    to: ['learning-stuck'],
    strictly: false,
    key: () => 'stuck',
    covers: (mine, theirs) => {
      const theirAssets = assetSet(theirs)
      return (mine.assets ?? []).every((id) => theirAssets.has(id))
    },
  },
]

/**
 * The findings of a diagnosis, in order, without those that give way to another rule's
 * about the same thing: one finding per source, and per gap. A rule that is off says
 * nothing, so nothing gives way to it. O(findings + those compared by key). @internal
 */
export const withoutRepeats = (said: ReadonlyArray<Said>): ReadonlyArray<Said> => {
  const indices = yields.map(({ to, key, keys }) => {
    const byKey = new Map<string, Said[]>()
    for (const entry of said) {
      if (!to.includes(entry.rule)) continue
      const found = keys === undefined ? [key(entry.finding)] : keys(entry.finding)
      for (const k of found) {
        if (k === undefined) continue
        const list = byKey.get(k)
        if (list === undefined) byKey.set(k, [entry])
        else list.push(entry)
      }
    }
    return byKey
  })
  const givesWay = (entry: Said): boolean =>
    yields.some(({ rule, strictly, key, covers }, i) => {
      if (entry.rule !== rule) return false
      const k = key(entry.finding)
      const mine = severityRank[entry.severity]
      return (
        k !== undefined &&
        (indices[i]!.get(k) ?? []).some((theirs) => (strictly ? severityRank[theirs.severity] < mine : severityRank[theirs.severity] <= mine) && (covers?.(entry.finding, theirs.finding) ?? true))
      )
    })
  return said.filter((entry) => !givesWay(entry))
}
