/**
 * A small dependency-free SVG line plot for the documentation: simulation output drawn
 * at build time, so the site shows it from `file://` with no script. Deterministic:
 * the same series give byte-identical SVG.
 */
import { palette } from './docs-svg.js'

/** One line on the plot. */
export interface PlotSeries {
  readonly name: string
  readonly points: ReadonlyArray<readonly [number, number]>
  /** Stroke colour (default: from the site palette, by position). */
  readonly colour?: string
  readonly dashed?: boolean
}

/** What to draw. Axis ranges default to the data's (y from 0). */
export interface LinePlot {
  readonly title: string
  readonly xLabel: string
  readonly yLabel: string
  readonly series: ReadonlyArray<PlotSeries>
  readonly yMax?: number
  /** Format a y tick (default: the number with up to 2 decimals). */
  readonly formatY?: (value: number) => string
  readonly width?: number
  readonly height?: number
}

const seriesColours = [palette.red, palette.green, palette.blue, palette.darkBlue]

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Round for output so that the SVG text is short and stable. */
const fixed = (value: number): string => (Math.round(value * 10) / 10).toString()

/** A "nice" step (1, 2 or 5 × 10^k) giving about `count` ticks over `range`. */
const niceStep = (range: number, count: number): number => {
  const raw = range / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const scaled = raw / power
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power
}

/** Render a line plot to an SVG string. O(total points). */
export const renderLinePlot = (plot: LinePlot): string => {
  const width = plot.width ?? 720
  const height = plot.height ?? 380
  const margin = { top: 48, right: 24, bottom: 76, left: 64 }
  const innerWidth = width - margin.left - margin.right
  const innerHeight = height - margin.top - margin.bottom
  const all = plot.series.flatMap((series) => series.points)
  const xMin = Math.min(...all.map(([x]) => x))
  const xMax = Math.max(...all.map(([x]) => x))
  const yMax = plot.yMax ?? Math.max(...all.map(([, y]) => y))
  const xOf = (x: number): number => margin.left + ((x - xMin) / (xMax - xMin || 1)) * innerWidth
  const yOf = (y: number): number => margin.top + innerHeight - (y / (yMax || 1)) * innerHeight
  const formatY = plot.formatY ?? ((value: number) => String(Math.round(value * 100) / 100))
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Arial, Helvetica, sans-serif" role="img" aria-label="${escapeXml(plot.title)}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="15" font-weight="bold" fill="${palette.text}">${escapeXml(plot.title)}</text>`,
  ]
  const yStep = niceStep(yMax, 5)
  for (let tick = 0; tick <= yMax + 1e-9; tick += yStep) {
    const y = fixed(yOf(tick))
    parts.push(`<line x1="${margin.left}" x2="${margin.left + innerWidth}" y1="${y}" y2="${y}" stroke="${palette.paleGrey}"/>`)
    parts.push(`<text x="${margin.left - 8}" y="${y}" dy="4" text-anchor="end" font-size="11" fill="${palette.secondaryText}">${escapeXml(formatY(tick))}</text>`)
  }
  const xStep = niceStep(xMax - xMin, 8)
  for (let tick = Math.ceil(xMin / xStep) * xStep; tick <= xMax + 1e-9; tick += xStep) {
    const x = fixed(xOf(tick))
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top + innerHeight}" y2="${margin.top + innerHeight + 5}" stroke="${palette.secondaryText}"/>`)
    parts.push(`<text x="${x}" y="${margin.top + innerHeight + 18}" text-anchor="middle" font-size="11" fill="${palette.secondaryText}">${tick}</text>`)
  }
  parts.push(`<line x1="${margin.left}" x2="${margin.left + innerWidth}" y1="${margin.top + innerHeight}" y2="${margin.top + innerHeight}" stroke="${palette.secondaryText}"/>`)
  parts.push(`<text x="${margin.left + innerWidth / 2}" y="${margin.top + innerHeight + 38}" text-anchor="middle" font-size="12" fill="${palette.text}">${escapeXml(plot.xLabel)}</text>`)
  parts.push(`<text transform="translate(16 ${margin.top + innerHeight / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="${palette.text}">${escapeXml(plot.yLabel)}</text>`)
  plot.series.forEach((series, index) => {
    const colour = series.colour ?? seriesColours[index % seriesColours.length]!
    const path = series.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fixed(xOf(x))} ${fixed(yOf(y))}`).join(' ')
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2.2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`)
    const legendX = margin.left + index * 260
    const legendY = height - 14
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2.2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`)
    parts.push(`<text x="${legendX + 30}" y="${legendY}" font-size="12" fill="${palette.text}">${escapeXml(series.name)}</text>`)
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

/** One bar of a tornado plot: a name and a non-negative length, with an optional whisker. */
export interface TornadoBar {
  readonly name: string
  readonly value: number
  /** Drawn as a thin line from the bar's end (e.g. a standard deviation). */
  readonly spread?: number
}

/** A tornado plot: horizontal bars, longest first, on one axis from 0. */
export interface TornadoPlot {
  readonly title: string
  readonly xLabel: string
  readonly bars: ReadonlyArray<TornadoBar>
  readonly formatX?: (value: number) => string
  readonly width?: number
}

/** Render a tornado plot (bars sorted longest first) to an SVG string. O(bars). */
export const renderTornadoPlot = (plot: TornadoPlot): string => {
  const bars = [...plot.bars].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
  const width = plot.width ?? 720
  const rowHeight = 34
  const margin = { top: 48, right: 32, bottom: 56, left: 170 }
  const innerWidth = width - margin.left - margin.right
  const innerHeight = bars.length * rowHeight
  const height = margin.top + innerHeight + margin.bottom
  const xMax = Math.max(...bars.map((bar) => bar.value + (bar.spread ?? 0)), 1e-9)
  const xStep = niceStep(xMax, 5)
  const axisMax = Math.ceil(xMax / xStep) * xStep
  const xOf = (x: number): number => margin.left + (x / axisMax) * innerWidth
  const formatX = plot.formatX ?? ((value: number) => String(Math.round(value * 100) / 100))
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Arial, Helvetica, sans-serif" role="img" aria-label="${escapeXml(plot.title)}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="15" font-weight="bold" fill="${palette.text}">${escapeXml(plot.title)}</text>`,
  ]
  for (let tick = 0; tick <= axisMax + 1e-9; tick += xStep) {
    const x = fixed(xOf(tick))
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + innerHeight}" stroke="${palette.paleGrey}"/>`)
    parts.push(`<text x="${x}" y="${margin.top + innerHeight + 18}" text-anchor="middle" font-size="11" fill="${palette.secondaryText}">${escapeXml(formatX(tick))}</text>`)
  }
  bars.forEach((bar, index) => {
    const y = margin.top + index * rowHeight
    parts.push(`<text x="${margin.left - 10}" y="${fixed(y + rowHeight / 2)}" dy="4" text-anchor="end" font-size="12" fill="${palette.text}">${escapeXml(bar.name)}</text>`)
    parts.push(`<rect x="${margin.left}" y="${fixed(y + 6)}" width="${fixed(xOf(bar.value) - margin.left)}" height="${rowHeight - 12}" fill="${palette.blue}"/>`)
    if (bar.spread !== undefined && bar.spread > 0) {
      const middle = fixed(y + rowHeight / 2)
      parts.push(`<line x1="${fixed(xOf(bar.value))}" x2="${fixed(xOf(bar.value + bar.spread))}" y1="${middle}" y2="${middle}" stroke="${palette.darkBlue}" stroke-width="1.5"/>`)
    }
  })
  parts.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + innerHeight}" stroke="${palette.secondaryText}"/>`)
  parts.push(`<text x="${margin.left + innerWidth / 2}" y="${margin.top + innerHeight + 40}" text-anchor="middle" font-size="12" fill="${palette.text}">${escapeXml(plot.xLabel)}</text>`)
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
