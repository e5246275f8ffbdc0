/** Counting fuzz results per category, keeping the first few failures to show. */
export interface Failure {
  readonly category: string
  readonly seed: number
  readonly problems: ReadonlyArray<string>
}

export interface CategoryCounts {
  tried: number
  valid: number
  invalid: number
  failed: number
  slowestMilliseconds: number
}

export class Tally {
  readonly counts = new Map<string, CategoryCounts>()
  readonly failures: Failure[] = []
  readonly keepFailures = 20

  record(category: string, outcome: 'valid' | 'invalid', milliseconds: number, seed: number, problems: ReadonlyArray<string>): void {
    let counts = this.counts.get(category)
    if (counts === undefined) {
      counts = { tried: 0, valid: 0, invalid: 0, failed: 0, slowestMilliseconds: 0 }
      this.counts.set(category, counts)
    }
    counts.tried++
    counts[outcome]++
    counts.slowestMilliseconds = Math.max(counts.slowestMilliseconds, milliseconds)
    if (problems.length > 0) {
      counts.failed++
      if (this.failures.length < this.keepFailures) this.failures.push({ category, seed, problems })
    }
  }

  total(): number {
    let sum = 0
    for (const counts of this.counts.values()) sum += counts.tried
    return sum
  }

  /** One line per category, for the test output. */
  format(title: string): string {
    const rows = [...this.counts].map(
      ([category, c]) =>
        `  ${category.padEnd(34)} ${String(c.tried).padStart(9)} tried ${String(c.valid).padStart(8)} valid ${String(c.invalid).padStart(8)} invalid ${String(c.failed).padStart(5)} failed  slowest ${c.slowestMilliseconds.toFixed(1)} ms`,
    )
    return [`${title}: ${this.total()} documents`, ...rows].join('\n')
  }
}

/** A per-document seed from the run seed, a category number and the document's index. */
export const documentSeed = (runSeed: number, category: number, index: number): number =>
  (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(category + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f)) >>> 0
