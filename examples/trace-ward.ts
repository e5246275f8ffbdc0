/**
 * Follow every story, score and piece of evidence on an acute ward as it travels, and
 * see where each one stops or what comes back. Run: `npx tsx examples/trace-ward.ts`.
 */
import assert from 'node:assert/strict'

// #region trace
import { readFileSync } from 'node:fs'
import { parseModel, traceLoops } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/acute-ward-fft.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error('the model is not valid')
const { loops } = traceLoops(parsed.right)
for (const loop of loops) {
  const where = loop.stopsAt === undefined ? `closes (${loop.outcome}) after ${loop.latencyDays} day(s)` : `stops at ${loop.stopsAt.actor}: ${loop.stopsAt.reason}`
  console.log(`${loop.source} from ${loop.holder}: ${where}`)
}
// #endregion trace

// FFT comment cards reach the patient experience team, who theme them, and stop there:
// the themes report to the ward is inactive.
const comments = loops.find((loop) => loop.source === 'fft-comments')!
assert.equal(comments.outcome, 'open')
assert.deepEqual(comments.stopsAt, {
  actor: 'experience-team',
  asset: 'themes-report',
  stage: 'make-sense',
  reason: 'channel-not-active',
  idleChannels: ['themes-to-ward'],
})
// The % score travels to the ward and the board, but is not the story it was counted from.
assert.equal(loops.find((loop) => loop.source === 'fft-ratings')!.outcome, 'open')
// A concern raised at the bedside is fixed on the shift and the nurse says so.
const bedside = loops.find((loop) => loop.source === 'bedside-concerns')!
assert.equal(bedside.outcome, 'did')
assert.equal(bedside.latencyDays, 1)
