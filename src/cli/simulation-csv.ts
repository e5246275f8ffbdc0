import type { SimulationDay } from '../simulate/result.js'

const columns: ReadonlyArray<keyof SimulationDay> = [
  'day',
  'level',
  'experiencesRaised',
  'inFlight',
  'responsesReturned',
  'changesMade',
  'lessonsRecorded',
]

/**
 * A simulation's daily series as CSV: a header, then one row per day and level (the
 * tidy long form spreadsheets and R read directly). Every field is a number or a level
 * name, so nothing needs quoting. O(rows). @internal
 */
export const seriesToCsv = (series: ReadonlyArray<SimulationDay>): string =>
  [columns.join(','), ...series.map((row) => columns.map((column) => String(row[column])).join(','))].join('\n') + '\n'
