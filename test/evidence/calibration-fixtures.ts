import { modelOf } from '../simulate/fixtures.js'
import type { Model } from '../../src/model/codecs.js'

/**
 * A ward whose every parameter the records can show: patients raise stories to a
 * platform, which passes them to the ward manager; the manager makes sense of them
 * (themes) and decides a change from the themes; decisions go to the ward team, who act
 * and report what they did back to the manager, who replies from it ("you said, we did",
 * made from the change); replies come back over the platform. Channel reliability and
 * latency are those `calibrate` should recover.
 */
export const calibrationWard = (): Model =>
  modelOf({
    schema: 'orgintel/v2',
    id: 'calibration-ward',
    name: 'Calibration ward',
    actors: [
      { id: 'patients', name: 'Ward patients', kind: 'patient', levels: ['delivery'], represents: 4 },
      { id: 'platform', name: 'Story platform', kind: 'intermediary', levels: ['delivery'] },
      { id: 'manager', name: 'Ward manager', kind: 'manager', levels: ['delivery'] },
      { id: 'team', name: 'Ward team', kind: 'clinician', levels: ['delivery'] },
    ],
    assets: [
      { id: 'stories', name: 'Patient stories', kind: 'experience', holder: 'patients' },
      { id: 'themes', name: 'Themes', kind: 'insight', holder: 'manager', derivedFrom: ['stories'] },
      { id: 'agreed', name: 'What was agreed', kind: 'decision', holder: 'manager', derivedFrom: ['themes'] },
      { id: 'fix', name: 'What was done', kind: 'change', holder: 'team', derivedFrom: ['agreed'] },
      { id: 'reply', name: 'You said, we did', kind: 'response', holder: 'manager', derivedFrom: ['fix'] },
    ],
    channels: [
      { id: 'post', from: 'patients', to: 'platform', carries: ['stories'], level: 'delivery', reliability: 0.9, latencyDays: 0.5 },
      { id: 'alert', from: 'platform', to: 'manager', carries: ['stories'], level: 'delivery', reliability: 0.7, latencyDays: 2 },
      { id: 'brief', from: 'manager', to: 'team', carries: ['agreed'], level: 'delivery', reliability: 0.8, latencyDays: 0.5 },
      { id: 'report', from: 'team', to: 'manager', carries: ['fix'], level: 'delivery', reliability: 0.85, latencyDays: 1 },
      { id: 'publish', from: 'manager', to: 'platform', carries: ['reply'], level: 'delivery', latencyDays: 3 },
      { id: 'notify', from: 'platform', to: 'patients', carries: ['reply'], level: 'delivery', latencyDays: 1 },
    ],
  })

/** The behaviour the records come from. */
export const trueParameters = {
  raiseRate: 0.5,
  actors: [
    { actor: 'manager', makeSense: 0.6, decide: 0.5, respond: 0.7 },
    { actor: 'team', act: 0.75 },
  ],
} as const
