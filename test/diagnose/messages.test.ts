import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { buildModel } from './build.js'

describe('figures in messages', () => {
  it('slow-loop writes days as people do, not as floating point sums', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in either order.
    const model = buildModel({
      actors: [['patient', 'patient'], ['nurse', 'clinician']],
      assets: [['story', 'experience', 'patient'], ['answer', 'response', 'nurse']],
      channels: [
        ['tell', 'patient', 'nurse', ['story'], { latencyDays: 0.1 }],
        ['reply', 'nurse', 'patient', ['answer'], { latencyDays: 0.2 }],
      ],
      loops: [{ id: 'loop', name: 'Loop', level: 'delivery', through: ['patient', 'nurse', 'patient'], maxLatencyDays: 0.25 }],
    })
    const slow = diagnose(model).defects.filter((defect) => defect.rule === 'slow-loop')
    expect(slow.length).toBeGreaterThan(0)
    for (const defect of slow) expect(defect.message).not.toMatch(/\d\.\d{3,}/)
    expect(slow.some((defect) => defect.message.includes(' 0.3 days'))).toBe(true)
  })
})
