/**
 * Findings on whatever decodes (issue 8): `diagnose`, `findSinglePointsOfFailure` and a
 * short `simulate` on every generated valid model finish without throwing, keep their
 * bounds, agree with brute force where there is one, write nothing to the console, and
 * never show a name, free text or a raw control character unless names were asked for.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { type Model, diagnose, findSinglePointsOfFailure, simulate, suggestRepairs } from '../../src/index.js'
import { checkOverModels, fuzzedModelCount, fuzzedModels } from './fuzzed-models.js'
import { freeTextMarker, nameMarker, unsafeMessageCharacters } from './hostile-text.js'
import { onLoop, reachability, smallGraph } from './small-graph.js'

const models = (): ReadonlyArray<Model> => fuzzedModels(5_000)
const figures: string[] = []
const simulationDays = 20
const simulationMaxEvents = 100

const overModels = (name: string, check: (model: Model, problems: string[]) => void, counted?: () => string): void =>
  checkOverModels(models(), figures, name, check, counted)

const leaks = (text: string): boolean => text.includes(nameMarker) || text.includes(freeTextMarker)

describe(`findings on ${fuzzedModelCount} generated models`, () => {
  afterAll(() => console.log([`findings on ${models().length} fuzzed models:`, ...figures].join('\n')))

  it('diagnose: defects name real actors and channels, never a name, free text or a raw control character', () => {
    let defects = 0
    overModels('diagnose', (model, problems) => {
      const actorIds = new Set<string>(model.actors.map((actor) => actor.id))
      const channelIds = new Set<string>(model.channels.map((channel) => channel.id))
      const diagnosis = diagnose(model)
      defects += diagnosis.defects.length
      if (diagnosis.summary.total !== diagnosis.defects.length) problems.push('summary.total is not the number of defects')
      for (const defect of diagnosis.defects) {
        if (!['error', 'warning', 'info'].includes(defect.severity)) problems.push(`${defect.rule}: severity ${defect.severity}`)
        if (leaks(defect.message)) problems.push(`${defect.rule}: the message quotes a name or free text`)
        if (unsafeMessageCharacters.test(defect.message)) problems.push(`${defect.rule}: raw control or bidi character in the message`)
        if (defect.actors.some((id) => !actorIds.has(id))) problems.push(`${defect.rule}: names an unknown actor`)
        if (defect.channels.some((id) => !channelIds.has(id))) problems.push(`${defect.rule}: names an unknown channel`)
        for (const repair of defect.repair ?? []) {
          if (!actorIds.has(repair.from) || !actorIds.has(repair.to)) problems.push(`${defect.rule}: a repair joins an unknown actor`)
          if (leaks(repair.reason)) problems.push(`${defect.rule}: a repair reason quotes a name`)
        }
      }
    }, () => `${defects} defects`)
  })

  // Kept apart from the test above: a proposal's `reason` is text a tool may show as it
  // is, and diagnose's open-loop repairs are the same proposals.
  it('suggestRepairs: reasons show no raw control or bidirectional character from an id', () => {
    overModels('suggestRepairs reasons', (model, problems) => {
      for (const repair of suggestRepairs(model)) {
        if (unsafeMessageCharacters.test(repair.reason)) problems.push(`raw control or bidi character in ${JSON.stringify(repair.reason)}`)
      }
    })
  })

  it('diagnose with names: true shows names, so the checks above can see a leak', () => {
    let named = 0
    overModels('diagnose (names: true)', (model) => {
      if (diagnose(model, { names: true }).defects.some((defect) => defect.message.includes(nameMarker))) named++
    }, () => `${named} models with a name in a message`)
    expect(named).toBeGreaterThan(models().length / 2)
  })

  it('findSinglePointsOfFailure: exactly the actors and channels whose loss leaves a lay actor on no loop', () => {
    let found = 0
    overModels('findSinglePointsOfFailure', (model, problems) => {
      const { points: result, truncated } = findSinglePointsOfFailure(model)
      if (truncated) problems.push('truncated a small model')
      found += result.length
      const graph = smallGraph(model)
      const reach = reachability(graph)
      const lay = model.actors.flatMap((actor, i) => (actor.perspective === 'lay' && onLoop(graph, i, reach) ? [i] : []))
      const expected = new Map<string, string[]>()
      const check = (kind: 'actor' | 'channel', id: string, without: ReturnType<typeof smallGraph>, except: number) => {
        const withoutReach = reachability(without)
        const affected = lay.filter((v) => v !== except && !onLoop(without, v, withoutReach)).map((v) => graph.ids[v]!)
        if (affected.length > 0) expected.set(`${kind} ${id}`, affected.sort())
      }
      model.actors.forEach((actor, a) => check('actor', actor.id, smallGraph(model, (c) => c.status === 'active' && c.from !== actor.id && c.to !== actor.id), a))
      for (const channel of model.channels) {
        if (channel.status === 'active') check('channel', channel.id, smallGraph(model, (c) => c.status === 'active' && c !== channel), -1)
      }
      const actual = new Map(result.map((point) => [`${point.kind} ${point.id}`, [...point.affectedLayActors].sort()]))
      if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) {
        problems.push(`found ${JSON.stringify([...actual])}, the oracle ${JSON.stringify([...expected])}`)
      }
    }, () => `${found} single points of failure`)
  })

  it(`simulate (${simulationDays} days, at most ${simulationMaxEvents} events): bounded, honest about truncation, deterministic for a seed`, () => {
    let truncated = 0
    let events = 0
    overModels('simulate', (model, problems) => {
      // A busy organisation (every lay actor raises one experience a day), so that some runs hit maxEvents.
      const options = { seed: model.actors.length * 7919 + model.channels.length, days: simulationDays, maxEvents: simulationMaxEvents, parameters: { raiseRate: 1 } }
      const result = simulate(model, options)
      const text = JSON.stringify(result)
      events += result.metrics.events
      if (JSON.stringify(simulate(model, options)) !== text) problems.push('not byte-identical on repeat')
      if (result.metrics.events > simulationMaxEvents) problems.push(`${result.metrics.events} events, more than maxEvents`)
      if (result.days !== simulationDays || result.issues.length > 0) problems.push('days changed or issues raised for valid options')
      const unbounded = simulate(model, { ...options, maxEvents: 1_000_000 })
      if (result.truncated) {
        truncated++
        // A run stops as soon as what is due cannot fit (so it may stop short of the bound),
        // and only when the unbounded run really needs more events than the bound allows.
        if (result.metrics.events > simulationMaxEvents || unbounded.metrics.events <= simulationMaxEvents) problems.push('truncated, but not by maxEvents')
      } else if (JSON.stringify(unbounded) !== text) problems.push('not truncated, yet a larger maxEvents changes the result')
      const { metrics, series } = result
      for (const share of [metrics.closureRate, metrics.responseRate, metrics.governingReachShare]) {
        if (share !== null && !(share >= 0 && share <= 1)) problems.push(`a share of ${share}`)
      }
      // A loop may close without a reply (the raiser itself decides or changes, as the diagnosis counts co-production), but never without coming back.
      if (metrics.closureRate !== null && metrics.heardBackRate !== null && metrics.closureRate > metrics.heardBackRate) problems.push('more loops closed than heard back')
      if (series.some((row) => !(row.day >= 0 && row.day < simulationDays))) problems.push('a series row outside the days run')
      if (series.reduce((sum, row) => sum + row.experiencesRaised, 0) !== metrics.experiencesRaised) problems.push('the series does not add up to experiencesRaised')
      if (metrics.messagesLost > metrics.messagesSent) problems.push('more messages lost than sent')
    }, () => `${events} events, ${truncated} runs truncated`)
    expect(truncated).toBeGreaterThan(0)
  })
})
