/**
 * vitest setup file: after every test and every test file, Object.prototype,
 * Array.prototype and Function.prototype must have gained, lost or replaced no
 * property. A polluting test fails, naming the key; the prototypes are then restored
 * so later tests are judged on their own.
 */
import { afterAll, afterEach } from 'vitest'
import { prototypeChanges, snapshotPrototypes } from './prototype-guard.js'

const snapshot = snapshotPrototypes()

const check = (when: string): void => {
  const changes = prototypeChanges(snapshot, true)
  if (changes.length > 0) throw new Error(`Prototype pollution ${when}:\n  ${changes.join('\n  ')}`)
}

afterEach(() => check('during this test'))
afterAll(() => check('in this test file (outside its tests)'))
