/**
 * Progress on stderr for long work: a bar with an ETA when stderr is a terminal, and
 * a plain line at most every five seconds (and at the end) otherwise.
 * @internal
 */
export interface ProgressReporter {
  update(done: number, total: number): void
  finish(): void
}

const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?'
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  const minutes = Math.floor(seconds / 60)
  return minutes < 60 ? `${minutes}m${Math.round(seconds % 60)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`
}

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
    const eta = done === 0 ? Number.POSITIVE_INFINITY : (elapsed / done) * (total - done)
    if (!interactive) return `${label}: ${done}/${total} (${Math.floor(share * 100)}%), about ${formatSeconds(eta)} left`
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
