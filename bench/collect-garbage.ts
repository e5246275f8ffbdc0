import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Collect garbage now, so that a timed run pays for its own garbage and not for what the
 * run before it left (on the large generated models the heap is hundreds of megabytes,
 * and a full collection it did not cause can land in either side of a ratio).
 */
export const collectGarbage = ((): (() => void) => {
  setFlagsFromString('--expose-gc')
  const gc: unknown = runInNewContext('gc')
  return typeof gc === 'function' ? (gc as () => void) : () => {}
})()
