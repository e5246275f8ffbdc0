import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { traceLoops } from '../../src/graph/trace.js'
import { parseModel } from '../../src/model/decode.js'
import { examplePath, hasStackTrace, lines, runInProcess, scratchFolder, wardModel } from './harness.js'

const fftModel = examplePath('models/acute-ward-fft.json')
const fft = (() => {
  const parsed = parseModel(readFileSync(fftModel, 'utf8'))
  if (E.isLeft(parsed)) throw new Error('the acute ward model must decode')
  return parsed.right
})()

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

describe('orgintel trace: text', () => {
  it('gives one line per source in model order, naming where the FFT comments stop, then a summary', async () => {
    const result = await runInProcess(['trace', fftModel])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(lines(result.stdout)).toEqual([
      "'fft-comments' from 'patients': open, stops at 'experience-team' with 'themes-report' (channel-not-active: 'themes-to-ward' is not active); " +
        "route 'patients' -> 'experience-team' ['comment-box'] (reliability 1.000); the whole trace travelled at delivery; learning order single; provenance declared",
      "'fft-ratings' from 'patients': open, stops at 'trust-board' with 'performance-report' (not-passed-on: no active channel passes it on); " +
        "route 'patients' -> 'experience-team' ['comment-box'] -> 'trust-board' ['score-to-board'] (reliability 1.000); the whole trace travelled at delivery, planning; learning order single; provenance declared",
      "'bedside-concerns' from 'patients': did in 1 day, closed by 'bedside-reply'; " +
        "route 'patients' -> 'nursing-team' ['bedside'] -> 'patients' ['bedside-answer'] (reliability 1.000); the whole trace travelled at delivery; learning order single; provenance declared",
      '3 sources: 1 did, 0 decided, 0 heard, 2 open',
    ])
  })

  it('names where a reply stops, and knowledge that never leaves its holder', async () => {
    const output = lines((await runInProcess(['trace', wardModel])).stdout)
    expect(output).toContain(
      "'carer-concerns' from 'carers': open, stops at 'pals' with 'pals-reply' (reply-not-delivered: the reply never reaches 'carers'); " +
        "route 'carers' -> 'pals' ['raise-concern'] (reliability 0.900); the whole trace travelled at delivery; learning order single; provenance declared",
    )
    expect(output).toContain(
      "'carer-routines' from 'carers': open, stays with 'carers' (not-passed-on: no active channel passes it on); route none (reliability 1.000); the whole trace travelled at no level; learning order single; provenance declared",
    )
  })

  it('prints no actor or asset name unless --names is given', async () => {
    const names = [...fft.actors.map((actor) => actor.name), ...fft.assets.map((asset) => asset.name)]
    const byId = await runInProcess(['trace', fftModel])
    const json = await runInProcess(['trace', fftModel, '--format', 'json'])
    for (const name of names) {
      expect(byId.stdout).not.toContain(name)
      expect(json.stdout).not.toContain(name)
    }
    const named = await runInProcess(['trace', fftModel, '--names'])
    expect(named.code).toBe(0)
    expect(lines(named.stdout)[0]).toBe(
      "“FFT comment cards” from “Ward patients”: open, stops at “Patient experience team” with “Monthly comment themes report” (channel-not-active: 'themes-to-ward' is not active); " +
        "route “Ward patients” -> “Patient experience team” ['comment-box'] (reliability 1.000); the whole trace travelled at delivery; learning order single; provenance declared",
    )
  })

  it('says when the work budget stopped the trace', async () => {
    const result = await runInProcess(['trace', examplePath('models/recovery-college.json'), '--budget', '3'])
    expect(result.code).toBe(0)
    expect(lines(result.stdout).at(-1)).toBe(
      '1 source: 1 did, 0 decided, 0 heard, 0 open (truncated: the trace budget of 3 steps ran out before every source was followed; raise --budget to follow them all)',
    )
  })
})

describe('orgintel trace: JSON', () => {
  it('gives the format, the model id, the loops traceLoops returns and whether it was truncated, in a stable key order', async () => {
    const result = await runInProcess(['trace', fftModel, '--format', 'json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { loops: ReadonlyArray<Record<string, unknown>> }
    expect(Object.keys(report)).toEqual(['format', 'model', 'loops', 'truncated'])
    expect(report).toEqual({ format: 'orgintel-trace/v1', model: 'acute-ward-fft', ...traceLoops(fft) })
    expect(Object.keys(report.loops[0]!)).toEqual(['source', 'holder', 'outcome', 'stopsAt', 'steps', 'levels', 'order', 'reliability', 'provenance', 'derived', 'reached'])
    expect(Object.keys(report.loops[0]!['stopsAt']!)).toEqual(['actor', 'asset', 'stage', 'reason', 'idleChannels'])
    expect(Object.keys(report.loops[2]!)).toEqual(['source', 'holder', 'outcome', 'steps', 'closedBy', 'levels', 'order', 'latencyDays', 'reliability', 'provenance', 'derived', 'reached'])
    expect(report.loops[0]).toMatchObject({ source: 'fft-comments', outcome: 'open', stopsAt: { actor: 'experience-team', reason: 'channel-not-active' } })
  })

  it('writes the report to a file with -o', async () => {
    const path = folder.file('trace.json')
    const result = await runInProcess(['trace', fftModel, '-f', 'json', '-o', path])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(readFileSync(path, 'utf8')).toBe((await runInProcess(['trace', fftModel, '--format', 'json'])).stdout)
  })
})

describe('orgintel trace --source', () => {
  it('keeps the sources named (repeated), in model order', async () => {
    const result = await runInProcess(['trace', fftModel, '--source', 'bedside-concerns', '-s', 'fft-comments'])
    expect(result.code).toBe(0)
    const output = lines(result.stdout)
    expect(output.map((line) => line.split(' ')[0])).toEqual(["'fft-comments'", "'bedside-concerns'", '2'])
    expect(output.at(-1)).toBe('2 sources: 1 did, 0 decided, 0 heard, 1 open')
    const json = JSON.parse((await runInProcess(['trace', fftModel, '--source', 'fft-ratings', '--format', 'json'])).stdout) as { loops: ReadonlyArray<{ source: string }> }
    expect(json.loops.map((loop) => loop.source)).toEqual(['fft-ratings'])
  })

  it.each([
    [['--source', 'fft-coments'], `--source names "fft-coments", which is not an asset of the model (did you mean 'fft-comments'?)`],
    [['--source', 'nothing-like-it'], `--source names "nothing-like-it", which is not an asset of the model (the model's sources include 'fft-comments', 'fft-ratings', 'bedside-concerns')`],
    [
      ['--source', 'fft-comments', '--source', 'themes-report'],
      `--source names "themes-report", an insight asset made from others, not a source (an experience, evidence or data asset made from nothing; did you mean 'fft-comments', which it is made from?)`,
    ],
    [
      ['--source', 'fft-score'],
      `--source names "fft-score", a data asset made from others, not a source (an experience, evidence or data asset made from nothing; did you mean 'fft-ratings', which it is made from?)`,
    ],
  ])('refuses %j with one line and exit code 2', async (flags, message) => {
    const result = await runInProcess(['trace', fftModel, ...flags])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toEqual([`orgintel trace: ${message}`])
  })
})

describe('orgintel trace: usage and bad input', () => {
  it.each([
    [['--formt', 'json'], 'unknown option --formt (did you mean --format?); see --help'],
    [['--name'], 'unknown option --name (did you mean --names?); see --help'],
    [['--format', 'jsn'], '--format must be one of text, json (got "jsn"; did you mean json?)'],
    [['--budget', '0'], '--budget must be a whole number, 1 or more (got "0")'],
    [['--format', 'json', '--format', 'text'], '--format is given more than once'],
  ])('refuses %j with one line and exit code 2', async (flags, message) => {
    const result = await runInProcess(['trace', fftModel, ...flags])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([`orgintel trace: ${message}`])
  })

  it('reports a bad model exactly as diagnose does, without a stack trace', async () => {
    const model = JSON.parse(readFileSync(fftModel, 'utf8')) as { channels: Array<Record<string, unknown>> }
    model.channels[0]!['to'] = 'nobody'
    model.channels[1]!['Status'] = 'inactive'
    const path = folder.write('broken.json', JSON.stringify(model))
    const traced = await runInProcess(['trace', path])
    const diagnosed = await runInProcess(['diagnose', path])
    expect(traced.code).toBe(1)
    expect(traced.stdout).toBe('')
    expect(lines(traced.stderr).length).toBeGreaterThanOrEqual(3)
    expect(traced.stderr.replaceAll('orgintel trace:', 'orgintel diagnose:')).toBe(diagnosed.stderr)
    expect(hasStackTrace(traced.stderr)).toBe(false)
  })
})
