/**
 * Plots of real simulation runs for the "Simulating interventions" guide, rendered to
 * static SVG at build time with {@link renderLinePlot}. Seeded, so the SVG is the same
 * on every build.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Model } from '../src/index.js'
import { renderLinePlot, renderTornadoPlot } from './docs-plot.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface SimulationDayRow {
  readonly day: number
  readonly level: string
  readonly experiencesRaised: number
  readonly responsesReturned: number
}
type Simulate = (model: Model, options: { seed: number; days: number; interventions?: ReadonlyArray<unknown> }) => {
  readonly series: ReadonlyArray<SimulationDayRow>
}

/** `simulate` from the public entry, or from its module while the entry does not export it yet. */
export const loadSimulate = async (): Promise<Simulate | undefined> => {
  const entry = (await import('../src/index.js')) as Record<string, unknown>
  if (typeof entry['simulate'] === 'function') return entry['simulate'] as Simulate
  if (!existsSync(join(root, 'src', 'simulate', 'simulate.ts'))) return undefined
  const module = (await import('../src/simulate/simulate.js' as string)) as Record<string, unknown>
  return typeof module['simulate'] === 'function' ? (module['simulate'] as Simulate) : undefined
}

/** The repair the guide simulates: PALS replies to carers again (by email, from day 0). */
export const palsReplyRestored = {
  day: 0,
  kind: 'add-channel',
  channel: { id: 'pals-email', from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'], latencyDays: 5, reliability: 0.9 },
} as const

/**
 * Cumulative share of delivery-level experiences whose reply has reached the person who
 * raised them, day by day, averaged over `seeds` runs.
 */
export const closureCurve = (
  simulate: Simulate,
  model: Model,
  interventions: ReadonlyArray<unknown>,
  days: number,
  seeds: number,
): Array<readonly [number, number]> => {
  const totals = new Float64Array(days)
  for (let seed = 1; seed <= seeds; seed++) {
    const rows = simulate(model, { seed, days, interventions }).series.filter((row) => row.level === 'delivery')
    let raised = 0
    let returned = 0
    for (const row of rows) {
      raised += row.experiencesRaised
      returned += row.responsesReturned
      if (row.day < days) totals[row.day] = (totals[row.day] ?? 0) + (raised === 0 ? 0 : returned / raised)
    }
  }
  return Array.from(totals, (total, day) => [day, (100 * total) / seeds] as const)
}

/** Render the guide's plots: name (without `.svg`) → SVG text. */
export const renderPlots = async (readModel: (file: string) => Model): Promise<Map<string, string>> => {
  const plots = new Map<string, string>()
  const simulate = await loadSimulate()
  if (simulate === undefined) return plots
  const ward = readModel(join(root, 'examples', 'models', 'ward-you-said-we-did.json'))
  const days = 365
  const seeds = 20
  plots.set(
    'plot-ward-closure',
    renderLinePlot({
      title: 'Ward 7: share of experiences answered, as is and with the PALS reply restored',
      xLabel: 'day',
      yLabel: 'experiences whose reply reached the raiser (%)',
      yMax: 100,
      formatY: (value) => `${value}%`,
      series: [
        { name: 'as is', points: closureCurve(simulate, ward, [], days, seeds) },
        { name: 'PALS replies to carers again', points: closureCurve(simulate, ward, [palsReplyRestored], days, seeds), dashed: true },
      ],
    }),
  )
  plots.set('plot-ward-tornado', await wardTornado())
  return plots
}

/**
 * The sensitivity analysis the guide shows: Morris screening of the acute ward's people,
 * with its themes report and "you said, we did" board restored (the lapsed channels
 * added back from day 0), so FFT comments can come back as changes.
 */
export const wardSensitivitySpec = {
  modelPath: join(root, 'examples', 'models', 'acute-ward-fft.json'),
  seed: 16,
  days: 365,
  warmUpDays: 30,
  method: 'morris',
  samples: 20,
  replications: 4,
  interventions: [
    { day: 0, kind: 'add-channel', channel: { id: 'themes-again', from: 'experience-team', to: 'ward-manager', level: 'delivery', carries: ['themes-report'], latencyDays: 30 } },
    { day: 0, kind: 'add-channel', channel: { id: 'board-again', from: 'ward-manager', to: 'patients', level: 'delivery', carries: ['you-said-we-did'], latencyDays: 14 } },
  ],
  ranges: {
    raiseRate: { min: 0.001, max: 0.01 },
    respond: { min: 0.2, max: 1 },
    makeSense: { min: 0.2, max: 1 },
    act: { min: 0.2, max: 1 },
    derivationDelayDays: { min: 0, max: 30 },
  },
  metrics: ['heardBackRate', 'closureBy90Days'],
} as const

/** Mean absolute elementary effect (μ*) and spread (σ) of each parameter on `metric`, from the guide's analysis. */
export const wardSensitivity = async (metric: string): Promise<ReadonlyArray<{ readonly parameter: string; readonly muStar: number; readonly sigma: number }>> => {
  const { runSensitivity } = await import('../src/node/sensitivity/run.js')
  const result = await runSensitivity(wardSensitivitySpec, { workers: 0 })
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
  const found = result.right.metrics.find((entry) => entry.metric === metric)!
  return found.parameters.map((entry) => ({ parameter: entry.parameter, muStar: entry.muStar ?? 0, sigma: entry.sigma ?? 0 }))
}

const wardTornado = async (): Promise<string> =>
  renderTornadoPlot({
    title: 'Acute ward, repaired: what moves closure by day 90 (Morris μ*, 20 trajectories × 4 seeds)',
    xLabel: 'mean absolute change in closure by day 90 over each parameter’s range (line: σ)',
    bars: (await wardSensitivity('closureBy90Days')).map((entry) => ({ name: entry.parameter, value: entry.muStar, spread: entry.sigma })),
    formatX: (value) => value.toFixed(2),
  })
