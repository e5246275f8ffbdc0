/**
 * orgintel/io: the model in other formats — spreadsheets (CSV), diagrams (Mermaid,
 * Graphviz DOT), graph tools (GraphML, GEXF, Cytoscape.js, Kumu). Pure functions,
 * browser-safe: no Node imports.
 * @packageDocumentation
 * @module orgintel/io
 */

export { fromCsv, importCsv } from './csv-read.js'
export type { CsvImport, CsvImportOptions, CsvInput } from './csv-read.js'
export { toCsv } from './csv-write.js'
export type { CsvTables } from './csv-write.js'
export { toCytoscape } from './cytoscape.js'
export type { CytoscapeEdge, CytoscapeJson, CytoscapeNode } from './cytoscape.js'
export { toDot } from './dot.js'
export type { DotOptions } from './dot.js'
export { formatInteropErrors } from './errors.js'
export type { CsvTableName, InteropError, InteropErrorCode } from './errors.js'
export { toGexf } from './gexf.js'
export { fromGraphML } from './graphml-read.js'
export { toGraphML } from './graphml-write.js'
export type { Highlight } from './highlight.js'
export { toKumu } from './kumu.js'
export type { KumuBlueprint, KumuConnection, KumuElement, KumuLoop } from './kumu.js'
export { defaultMermaidMaxChannels, toMermaid } from './mermaid.js'
export type { MermaidOptions } from './mermaid.js'
