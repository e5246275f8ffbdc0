/**
 * Progress on stderr for long work: a bar with an ETA when stderr is a terminal, and
 * a plain line at most every five seconds (and at the end) otherwise.
 * @internal
 */
export interface ProgressReporter {
  update(done: number, total: number): void
  finish(): void
}

/** A duration in words: whole seconds first, so 719.6 s is "12m00s", never "11m60s". @internal */
export const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?'
  const whole = Math.ceil(seconds)
  if (whole < 60) return `${whole}s`
  const minutes = Math.floor(whole / 60)
  return minutes < 60 ? `${minutes}m${String(whole % 60).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`
}

/**
 * Whether an estimate of the time left can be trusted yet: early on, start-up work
 * (workers compiling, the first runs warming up) makes the rate look far slower than it
 * is, so a 29-second job once said "about 2h25m left". Wait for 5% of the work or 10 s.
 */
const estimable = (done: number, total: number, elapsed: number): boolean => done > 0 && (done >= total * 0.05 || elapsed >= 10)

/**
 * Create a progress reporter writing to `stream` (stderr by default). The bar redraws
 * at most ten times a second; plain lines come at most every five seconds, plus the
 * final one. `now` is injectable so tests need no clock. @internal
 */
export const createProgressReporter = (
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): ProgressReporter => {
  const started = now()
  let lastPrinted = 0
  let lastLine = ''
  const interactive = stream.isTTY === true
  const line = (done: number, total: number): string => {
    const share = total === 0 ? 1 : done / total
    const elapsed = (now() - started) / 1000
    const eta = estimable(done, total, elapsed) ? (elapsed / done) * (total - done) : Number.POSITIVE_INFINITY
    const left = Number.isFinite(eta) ? `about ${formatSeconds(eta)} left` : 'estimating the time left'
    if (!interactive) return `${label}: ${done}/${total} (${Math.floor(share * 100)}%), ${left}`
    const width = 24
    const filled = Math.round(share * width)
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done}/${total} ETA ${formatSeconds(eta)}`
  }
  return {
    update(done, total) {
      const time = now()
      if (interactive) {
        if (time - lastPrinted < 100 && done < total) return
        lastPrinted = time
        stream.write(`\r${line(done, total)}\u001b[K`)
        lastLine = 'bar'
        return
      }
      if (time - lastPrinted < 5000 && done < total) return
      lastPrinted = time
      const text = line(done, total)
      if (text !== lastLine) stream.write(`${text}\n`)
      lastLine = text
    },
    finish() {
      if (interactive && lastLine === 'bar') stream.write('\n')
    },
  }
}
