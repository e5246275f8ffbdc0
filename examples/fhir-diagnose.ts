/**
 * Diagnose a model imported from FHIR: a carer writes to the care team and hears
 * nothing back. Run: `npx tsx examples/fhir-diagnose.ts`.
 */
import assert from 'node:assert/strict'

// #region diagnose
import { readFileSync } from 'node:fs'
import { diagnose } from 'orgintel'
import { fromFhirBundle } from 'orgintel/fhir'

const bundle: unknown = JSON.parse(readFileSync('examples/data/fhir-community-bundle.json', 'utf8'))
const { model } = await fromFhirBundle(bundle, { id: 'community-mental-health', name: 'Community mental health (from FHIR)' })
// FHIR records who talks to whom: the carer writes to the care team and hears nothing back.
const openLoops = model === undefined ? [] : diagnose(model).defects.filter((defect) => defect.rule === 'open-loop')
for (const defect of openLoops) console.log(defect.message)
// #endregion diagnose

assert.ok(openLoops.some((defect) => defect.channels.some((id) => id === 'Communication/comm-3#1')))
