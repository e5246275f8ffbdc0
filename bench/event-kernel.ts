/**
 * The limit the simulation engine is measured against: a bare discrete-event loop with
 * nothing but a binary-heap queue of (time, sequence) events, where each event taken
 * draws one delay from the library's generator and schedules one new event, keeping
 * `pending` events in the queue (as many as a busy organisation has in flight). Any
 * engine that does real work per event is slower than this.
 */
import { createRandom } from '../src/simulate/random.js'

/** Run the bare loop for `events` events and return a checksum of the times taken (so the work cannot be optimised away); the caller times it. */
export const runEventKernel = (events: number, pending: number, seed = 1): number => {
  const next = createRandom(seed).nextFloat
  const times = new Float64Array(pending + 1)
  const order = new Float64Array(pending + 1)
  let size = 0
  let sequence = 0
  const push = (time: number): void => {
    let i = size++
    const key = sequence++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (times[parent]! < time || (times[parent] === time && order[parent]! < key)) break
      times[i] = times[parent]!
      order[i] = order[parent]!
      i = parent
    }
    times[i] = time
    order[i] = key
  }
  const pop = (): number => {
    const top = times[0]!
    const lastTime = times[--size]!
    const lastOrder = order[size]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      if (child + 1 < size && (times[child + 1]! < times[child]! || (times[child + 1] === times[child] && order[child + 1]! < order[child]!))) child++
      if (lastTime < times[child]! || (lastTime === times[child] && lastOrder < order[child]!)) break
      times[i] = times[child]!
      order[i] = order[child]!
      i = child
    }
    times[i] = lastTime
    order[i] = lastOrder
    return top
  }
  for (let k = 0; k < pending; k++) push(next() * 10)
  let checksum = 0
  for (let taken = 0; taken < events; taken++) {
    const time = pop()
    checksum += time
    push(time - Math.log(1 - next()))
  }
  return checksum
}
