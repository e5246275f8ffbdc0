/**
 * Do Ward 7's message threads close? Measure them from a FHIR R4 Bundle of
 * Communications, a Task's status history and a QuestionnaireResponse (a small,
 * hand-made bundle in examples/data), keeping no free text.
 * Run: `npx tsx examples/measure-fhir.ts`.
 */
import assert from 'node:assert/strict'

// #region measure
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel } from 'orgintel'
import { decodeStageMapping, fhirStageMapping, formatMeasuredLoops, measureLoops, readFhirEvents } from 'orgintel/evidence'

const model = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (model._tag === 'Left') throw new Error(formatModelErrors(model.left))
// The FHIR activities' stages, and which references are which actors.
const mapping = decodeStageMapping(
  {
    ...fhirStageMapping,
    actors: {
      'Patient/p1': 'ward-7-patients',
      'Patient/p2': 'ward-7-patients',
      'Patient/p3': 'ward-7-patients',
      'Organization/ward-7': 'ward-manager',
      'PractitionerRole/ward-nurse': 'ward-team',
      'Organization/pals': 'pals',
    },
  },
  model.right,
)
if (mapping._tag === 'Left') throw new Error('the mapping does not decode')

const bundle: unknown = JSON.parse(readFileSync('examples/data/fhir-ward-threads.json', 'utf8'))
const events = await readFhirEvents(bundle)
// Threads still open are followed to the end of January (censored there).
const measured = await measureLoops(model.right, events, mapping.right, { suppressBelow: 1, observedUntil: '2026-01-31' })
if (measured._tag === 'Left') throw new Error('the bundle cannot be measured')
const report = measured.right
process.stdout.write(formatMeasuredLoops(report, 'markdown'))
// #endregion measure

// Three threads: the call-bell story closes as "you said, we did"; two stay open.
assert.deepEqual(report.overall.outcomes, { open: 2, heard: 0, decided: 0, did: 1 })
// A reply to a message not in the bundle, and a loop of replies, are bad input, not a hang.
assert.deepEqual(report.badInput.map((entry) => entry.reason), ['reference-cycle', 'unknown-activity', 'unknown-reference', 'unreadable-row'])
// No message text is read into the report.
assert.ok(!JSON.stringify(report).includes('call bell'))
