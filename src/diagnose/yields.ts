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
  readonly to: string
  readonly strictly: boolean
  readonly key: (finding: Finding) => string | undefined
  readonly covers: (mine: Finding, theirs: Finding) => boolean
}

/** A finding's assets as a set, made once per finding: coverage is checked in linear time. */
const assetSets = new WeakMap<Finding, ReadonlySet<string>>()
const assetSet = (finding: Finding): ReadonlySet<string> => {
  let set = assetSets.get(finding)
  if (set === undefined) assetSets.set(finding, (set = new Set(finding.assets ?? [])))
  return set
}

const yields: ReadonlyArray<Yield> = [
  // That nothing comes back is part of what acted-not-reported says, an error, when a change
  // was made from what people said and nobody tells them: a commissioner reads one gap.
  { rule: 'open-loop', to: 'acted-not-reported', strictly: true, key: (finding) => finding.assets?.[0], covers: () => true },
  // A level's loops never made into a plan, when they are all lay experience that
  // learning-stuck already says is never made into one (with the plan it could change),
  // whichever level each counts at.
  {
    rule: 'single-loop-trap',
    to: 'learning-stuck',
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
  const indices = yields.map(({ to, key }) => {
    const byKey = new Map<string, Said[]>()
    for (const entry of said) {
      if (entry.rule !== to) continue
      const k = key(entry.finding)
      if (k === undefined) continue
      const list = byKey.get(k)
      if (list === undefined) byKey.set(k, [entry])
      else list.push(entry)
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
        (indices[i]!.get(k) ?? []).some((theirs) => (strictly ? severityRank[theirs.severity] < mine : severityRank[theirs.severity] <= mine) && covers(entry.finding, theirs.finding))
      )
    })
  return said.filter((entry) => !givesWay(entry))
}
