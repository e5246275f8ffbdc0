/**
 * Writes a bundled event log as OCEL 2.0 JSON, the one shape both bundled logs share
 * (`scripts/docs-measure.ts`, `scripts/simulated-log.ts`): each item an object of type
 * `feedback`, each resource an object of type `resource`, each event related to both,
 * with its cells as attributes. One object or event per line, so a diff reads like the
 * CSV's.
 */

/** One event to write: its item, activity, ISO 8601 time, resource and attributes (empty values left out). */
export interface OcelRow {
  readonly item: string
  readonly activity: string
  readonly time: string
  readonly resource: string
  readonly attributes: ReadonlyArray<{ readonly name: string; readonly value: string }>
}

/** The events, in the order given, as OCEL 2.0 JSON text; every event type declares `attributeNames` as strings. */
export const ocelLogText = (rows: ReadonlyArray<OcelRow>, attributeNames: ReadonlyArray<string>): string => {
  const unique = (values: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(values)].sort()
  const items = unique(rows.map((row) => row.item))
  const resources = unique(rows.map((row) => row.resource))
  const types = unique(rows.map((row) => row.activity))
  const lines = (values: ReadonlyArray<unknown>): string => values.map((value) => `    ${JSON.stringify(value)}`).join(',\n')
  const objects = [...items.map((id) => ({ id, type: 'feedback', attributes: [] })), ...resources.map((id) => ({ id, type: 'resource', attributes: [] }))]
  const events = rows.map((row, index) => ({
    id: `e${index + 1}`,
    type: row.activity,
    time: row.time,
    attributes: row.attributes.filter((attribute) => attribute.value !== ''),
    relationships: [
      { objectId: row.item, qualifier: 'about' },
      { objectId: row.resource, qualifier: 'by' },
    ],
  }))
  return [
    '{',
    `  "objectTypes": [{"name":"feedback","attributes":[]},{"name":"resource","attributes":[]}],`,
    '  "eventTypes": [',
    lines(types.map((name) => ({ name, attributes: attributeNames.map((attribute) => ({ name: attribute, type: 'string' })) }))),
    '  ],',
    '  "objects": [',
    lines(objects),
    '  ],',
    '  "events": [',
    lines(events),
    '  ]',
    '}',
    '',
  ].join('\n')
}
