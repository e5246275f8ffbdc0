/** A typed array that is filled as it grows. */
type GrowableArray = Int32Array | Float64Array | Uint8Array | Uint16Array

/**
 * A copy of `array` with room for `size` items (the rest zero), of the same kind: how
 * the searches, the simulation and the event-log readers grow the typed arrays they
 * fill, by doubling, so filling `n` items copies fewer than `2n`.
 * @internal
 */
export const grown = <T extends GrowableArray>(array: T, size: number): T => {
  const larger = new (array.constructor as new (length: number) => T)(size)
  larger.set(array)
  return larger
}
