import { describe, expect, it } from 'vitest'
import { prototypeChanges, snapshotPrototypes } from './prototype-guard.js'

describe('prototype guard', () => {
  it('sees nothing when nothing changed', () => {
    expect(prototypeChanges(snapshotPrototypes(), false)).toEqual([])
  })

  it('names a key added to Object.prototype the way __proto__ pollution adds it, and restores', () => {
    const snapshot = snapshotPrototypes()
    const target: Record<string, unknown> = {}
    // What `target[userId][key] = value` does when userId is '__proto__'.
    ;(target['__proto__'] as Record<string, unknown>)['polluted'] = true
    expect(prototypeChanges(snapshot, true)).toEqual(['Object.prototype gained the property polluted'])
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('names replaced and removed members of Array.prototype and Function.prototype, and restores', () => {
    const snapshot = snapshotPrototypes()
    const originalIncludes = Array.prototype.includes
    Array.prototype.includes = () => true
    const originalBind = Object.getOwnPropertyDescriptor(Function.prototype, 'bind')!
    Reflect.deleteProperty(Function.prototype, 'bind')
    expect(prototypeChanges(snapshot, true)).toEqual([
      'Array.prototype.includes was replaced',
      'Function.prototype lost the property bind',
    ])
    expect(Array.prototype.includes).toBe(originalIncludes)
    expect(Object.getOwnPropertyDescriptor(Function.prototype, 'bind')).toEqual(originalBind)
  })
})
