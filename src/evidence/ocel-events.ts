import type { LogRecord } from './events.js'
import type { ResolvedMapping } from './mapping.js'

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

const failure = (message: string): LogRecord => ({ failure: { code: 'invalid-log', path: '', message } })

const attributeOf = (event: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const attributes = event['attributes']
  if (!Array.isArray(attributes)) return undefined
  const found = attributes.find((attribute: unknown) => isRecord(attribute) && attribute['name'] === name) as Readonly<Record<string, unknown>> | undefined
  const value = found?.['value']
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined
}

/**
 * Read an OCEL 2.0 JSON event log (object-centric: `objects` with a `type`, `events`
 * with a `type`, a `time` and `relationships` to objects). Each object whose type is one
 * of the mapping's `ocel.itemTypes` (default `feedback`) is a feedback item; an event
 * related to it is one of its events, with the event type as the activity. The
 * resource is a related object of a type in `ocel.resourceTypes` (default `resource`,
 * `actor`), else the event attribute `resource`; attributes `level`, `channel` and
 * `outcome` fill those fields. Rows are event numbers (the first event is 1). A
 * document that is not OCEL 2.0 yields one failure. O(events × relationships).
 * @category Evidence
 */
export function* readOcelEvents(document: unknown, mapping: ResolvedMapping): Generator<LogRecord> {
  if (!isRecord(document) || !Array.isArray(document['events']) || !Array.isArray(document['objects'])) {
    yield failure('The event log is not OCEL 2.0 JSON: it needs "objects" and "events" lists.')
    return
  }
  const items = new Set<string>()
  const resources = new Set<string>()
  for (const object of document['objects'] as ReadonlyArray<unknown>) {
    if (!isRecord(object) || typeof object['id'] !== 'string' || typeof object['type'] !== 'string') continue
    if (mapping.itemTypes.includes(object['type'])) items.add(object['id'])
    else if (mapping.resourceTypes.includes(object['type'])) resources.add(object['id'])
  }
  let row = 0
  for (const event of document['events'] as ReadonlyArray<unknown>) {
    row++
    if (!isRecord(event) || typeof event['type'] !== 'string' || typeof event['time'] !== 'string' || !Array.isArray(event['relationships'])) {
      yield { row, problem: 'unreadable-row' }
      continue
    }
    const related = (event['relationships'] as ReadonlyArray<unknown>)
      .map((relationship) => (isRecord(relationship) && typeof relationship['objectId'] === 'string' ? relationship['objectId'] : undefined))
      .filter((id): id is string => id !== undefined)
    const resource = related.find((id) => resources.has(id)) ?? attributeOf(event, 'resource')
    const fields: Record<string, string> = {}
    for (const name of ['level', 'channel', 'outcome'] as const) {
      const value = attributeOf(event, name)
      if (value !== undefined) fields[name] = value
    }
    const feedback = related.filter((id) => items.has(id))
    if (feedback.length === 0) yield { row, problem: 'missing-field' }
    for (const item of feedback) {
      yield { row, item, activity: event['type'], timestamp: event['time'], ...(resource === undefined ? {} : { resource }), ...fields }
    }
  }
}
