/**
 * The GraphML `<key>` declarations orgintel writes and reads. List values (levels,
 * tags, carries) are `|`-joined strings (a `|` or `\` inside a value is escaped with a
 * backslash); assets and declared loops travel as JSON text in graph-level data.
 * @internal
 */
export interface GraphmlKey {
  readonly id: string
  readonly for: 'graph' | 'node' | 'edge'
  readonly name: string
  readonly type: 'string' | 'double' | 'boolean'
}

/** Every key, in the order written. @internal */
export const graphmlKeys: ReadonlyArray<GraphmlKey> = [
  { id: 'g_schema', for: 'graph', name: 'schema', type: 'string' },
  { id: 'g_id', for: 'graph', name: 'id', type: 'string' },
  { id: 'g_name', for: 'graph', name: 'name', type: 'string' },
  { id: 'g_description', for: 'graph', name: 'description', type: 'string' },
  { id: 'g_assets', for: 'graph', name: 'assets', type: 'string' },
  { id: 'g_loops', for: 'graph', name: 'loops', type: 'string' },
  { id: 'a_name', for: 'node', name: 'name', type: 'string' },
  { id: 'a_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'a_perspective', for: 'node', name: 'perspective', type: 'string' },
  { id: 'a_levels', for: 'node', name: 'levels', type: 'string' },
  { id: 'a_tags', for: 'node', name: 'tags', type: 'string' },
  { id: 'a_lay', for: 'node', name: 'lay', type: 'boolean' },
  { id: 'a_represents', for: 'node', name: 'represents', type: 'double' },
  { id: 'c_carries', for: 'edge', name: 'carries', type: 'string' },
  { id: 'c_level', for: 'edge', name: 'level', type: 'string' },
  { id: 'c_status', for: 'edge', name: 'status', type: 'string' },
  { id: 'c_latencyDays', for: 'edge', name: 'latencyDays', type: 'double' },
  { id: 'c_reliability', for: 'edge', name: 'reliability', type: 'double' },
  { id: 'c_polarity', for: 'edge', name: 'polarity', type: 'string' },
]
