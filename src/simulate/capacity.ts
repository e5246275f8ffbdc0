/**
 * How much work each actor has taken on, day by day, when it can handle only so many
 * stories and decisions a day: the day it is booked up to and how many items that day
 * holds. Work beyond a day's capacity goes to the next day with room, in arrival
 * order. O(1) per booking.
 * @internal
 */
export class CapacityLedger {
  private readonly bookedDay: Float64Array
  private readonly used: Float64Array

  constructor(actorCount: number) {
    this.bookedDay = new Float64Array(actorCount).fill(-1)
    this.used = new Float64Array(actorCount)
  }

  /**
   * Book one item of work for actor `v` arriving at `time`, with `capacity` items a day
   * (finite); returns the day it will be handled, or -1 when the actor can handle none.
   */
  book(v: number, time: number, capacity: number): number {
    if (capacity < 1) return -1
    const day = Math.floor(time)
    if (this.bookedDay[v]! < day) {
      this.bookedDay[v] = day
      this.used[v] = 0
    }
    if (this.used[v]! >= capacity) {
      this.bookedDay[v]!++
      this.used[v] = 0
    }
    this.used[v]!++
    return this.bookedDay[v]!
  }
}
