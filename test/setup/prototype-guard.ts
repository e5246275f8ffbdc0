/**
 * The built-in prototypes as they were, to prove after each test that nothing wrote
 * onto them (an id `__proto__` handed to a plain object or to graphlib does).
 */
const guarded: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
]

export interface PrototypeSnapshot {
  readonly entries: ReadonlyArray<{
    readonly name: string
    readonly target: object
    readonly descriptors: ReadonlyMap<PropertyKey, PropertyDescriptor>
  }>
}

const descriptorsOf = (target: object): ReadonlyMap<PropertyKey, PropertyDescriptor> =>
  new Map(Reflect.ownKeys(target).map((key) => [key, Reflect.getOwnPropertyDescriptor(target, key)!]))

export const snapshotPrototypes = (): PrototypeSnapshot => ({
  entries: guarded.map(([name, target]) => ({ name, target, descriptors: descriptorsOf(target) })),
})

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor): boolean =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable

/**
 * What changed on the guarded prototypes since `snapshot`: keys added, removed or
 * replaced, one line each. With `restore`, puts things back so that one polluting test
 * does not fail every later one.
 */
export const prototypeChanges = (snapshot: PrototypeSnapshot, restore: boolean): ReadonlyArray<string> => {
  const changes: string[] = []
  for (const { name, target, descriptors } of snapshot.entries) {
    for (const key of Reflect.ownKeys(target)) {
      const before = descriptors.get(key)
      const now = Reflect.getOwnPropertyDescriptor(target, key)!
      if (before === undefined) {
        changes.push(`${name} gained the property ${String(key)}`)
        if (restore) Reflect.deleteProperty(target, key)
      } else if (!sameDescriptor(before, now)) {
        changes.push(`${name}.${String(key)} was replaced`)
        if (restore) Reflect.defineProperty(target, key, before)
      }
    }
    for (const [key, before] of descriptors) {
      if (!Reflect.getOwnPropertyDescriptor(target, key)) {
        changes.push(`${name} lost the property ${String(key)}`)
        if (restore) Reflect.defineProperty(target, key, before)
      }
    }
  }
  return changes
}
