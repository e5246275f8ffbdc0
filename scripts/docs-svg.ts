/**
 * Build-time SVG rendering for the documentation site: Mermaid through
 * beautiful-mermaid (pure TypeScript) and DOT through @viz-js/viz (Graphviz in wasm).
 * The SVG is written as static files, so diagrams show from `file://` and over http
 * with no script and no network.
 */
import { renderMermaidSVG } from 'beautiful-mermaid'
import { instance } from '@viz-js/viz'

/** Colours shared by every diagram on the site (NHS identity palette). */
export const palette = {
  blue: '#005EB8',
  darkBlue: '#003087',
  text: '#212B32',
  secondaryText: '#4C6272',
  paleGrey: '#E8EDEE',
  green: '#007F3B',
  red: '#D5281B',
  warmYellow: '#FFEB3B',
  layFill: '#FFF9C4',
  professionalFill: '#E3EEF8',
} as const

/**
 * Render Mermaid text to a self-contained SVG. beautiful-mermaid adds an `@import` of a
 * web font; it is removed so the SVG makes no network request (system fonts are used).
 */
export const renderMermaid = (text: string): string =>
  renderMermaidSVG(text, { bg: '#FFFFFF', fg: palette.text, accent: palette.blue, line: palette.secondaryText })
    .replace(/^\s*@import url\([^)]*\);\s*$/m, '')
    .replace(/font-family: 'Inter', system-ui, sans-serif/g, 'font-family: system-ui, "Segoe UI", Arial, sans-serif')

let viz: Awaited<ReturnType<typeof instance>> | undefined

/** Render Graphviz DOT text to SVG. Throws with Graphviz's messages if the DOT is invalid. */
export const renderDot = async (text: string): Promise<string> => {
  viz ??= await instance()
  const result = viz.render(text, { format: 'svg', engine: 'dot' })
  if (result.status !== 'success') {
    throw new Error(`Graphviz could not render the diagram: ${result.errors.map((error) => error.message).join('; ')}`)
  }
  // The XML prologue and doctype are not needed for <img> and differ between Graphviz builds.
  return result.output.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '')
}
