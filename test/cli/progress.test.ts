import { describe, expect, it } from 'vitest'
import { createProgressReporter, formatSeconds } from '../../src/cli/progress.js'

const fakeStream = (isTTY: boolean) => {
  const written: string[] = []
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream }
}

describe('progress on stderr', () => {
  it('prints plain lines at most every five seconds, and the last one, when not a terminal', () => {
    const { written, stream } = fakeStream(false)
    let time = 1_000_000
    const progress = createProgressReporter('sweep', stream, () => time)
    time += 10_000
    progress.update(1, 4)
    time += 1_000
    progress.update(2, 4) // too soon: skipped
    time += 1_000
    progress.update(4, 4) // the end is always shown
    progress.finish()
    expect(written).toEqual(['sweep: 1/4 (25%), about 30s left\n', 'sweep: 4/4 (100%), about 0s left\n'])
  })

  it('draws a bar with an ETA on a terminal and ends the line when finished', () => {
    const { written, stream } = fakeStream(true)
    let time = 0
    const progress = createProgressReporter('sweep', stream, () => time)
    time = 120_000
    progress.update(1, 3)
    time = 120_050
    progress.update(2, 3) // within 100 ms of the last redraw: skipped
    progress.finish()
    expect(written).toEqual(['\rsweep [########................] 33% 1/3 ETA 4m00s\u001b[K', '\n'])
  })

  it('never says "11m60s": whole seconds are split, with two digits', () => {
    expect(formatSeconds(719.6)).toBe('12m00s')
    expect(formatSeconds(59.2)).toBe('1m00s')
    expect(formatSeconds(3599.5)).toBe('1h00m')
    expect(formatSeconds(65)).toBe('1m05s')
  })

  it('does not guess the time left from the slow first moments of a job', () => {
    const { written, stream } = fakeStream(false)
    let time = 0
    const progress = createProgressReporter('sweep', stream, () => time)
    // Workers take 6 s to start; one run of 200 is done: "about 20m left" would be wrong.
    time = 6_000
    progress.update(1, 200)
    time = 20_000
    progress.update(150, 200)
    expect(written).toEqual(['sweep: 1/200 (0%), estimating the time left\n', 'sweep: 150/200 (75%), about 7s left\n'])
  })
})
