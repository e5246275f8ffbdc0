import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { formatDiagnosis } from '../../src/diagnose/format.js'
import { applyRepairs, applyRepairsInOrder } from '../../src/graph/apply-repairs.js'
import { canonicalModel } from '../../src/model/canonical.js'
import { suggestRepairs } from '../../src/graph/repairs.js'
import { traceLoops } from '../../src/graph/trace.js'
import type { Model } from '../../src/model/codecs.js'
import type { AssetId, ChannelId } from '../../src/model/primitives.js'
import type { ProposedChannel } from '../../src/graph/types.js'
import { parseModel } from '../../src/model/decode.js'
import { buildModel } from './build.js'
import { modelWarnings } from '../../src/model/warnings.js'

const actorKinds = ['patient', 'carer', 'forum', 'clinician', 'manager', 'commissioner', 'board'] as const
const assetKinds = ['experience', 'evidence', 'data', 'insight', 'decision', 'plan', 'strategy', 'change', 'experiment', 'response', 'lesson'] as const
const levels = ['delivery', 'planning', 'strategy'] as const

/** Small organisations with provenance (declared or left to inference), declared loops with sources and promises. */
const arbitraryModel = fc
  .record({
    actors: fc.array(fc.record({ kind: fc.constantFrom(...actorKinds), levels: fc.subarray([...levels], { minLength: 1 }) }), { minLength: 2, maxLength: 7 }),
    assets: fc.array(fc.record({ kind: fc.constantFrom(...assetKinds), holder: fc.nat(), from: fc.option(fc.array(fc.nat(), { maxLength: 2 }), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
    channels: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), carries: fc.array(fc.nat(), { maxLength: 2 }), level: fc.constantFrom(...levels), inactive: fc.boolean() }), { maxLength: 14 }),
    loops: fc.array(fc.record({ through: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), source: fc.nat(), promises: fc.constantFrom('heard', 'decided', 'did') }), { maxLength: 2 }),
  })
  .map(({ actors, assets, channels, loops }) => {
    const actor = (k: number): string => `a${k % actors.length}`
    const asset = (k: number): string => `k${k % assets.length}`
    return buildModel({
      actors: actors.map((entry, i) => [`a${i}`, entry.kind, entry.levels] as const),
      // Declared provenance only from earlier assets, so it is acyclic.
      assets: assets.map((entry, i) => {
        const from = entry.from === undefined ? undefined : [...new Set(entry.from.map((k) => k % Math.max(1, i)).filter((k) => k < i))].map((k) => `k${k}`)
        return [`k${i}`, entry.kind, actor(entry.holder), undefined, from === undefined ? {} : { derivedFrom: from }] as const
      }),
      channels: channels.map((entry, i) => [`c${i}`, actor(entry.from), actor(entry.to), [...new Set(entry.carries.map(asset))], { level: entry.level, status: entry.inactive ? 'inactive' : 'active' }] as const),
      loops: loops.map((entry, i) => {
        const through = entry.through.map(actor)
        return { id: `l${i}`, name: `Loop ${i}`, level: 'delivery', through: [...through, through[0]!], source: asset(entry.source), promises: entry.promises }
      }),
    })
  })

const repairedOnce = (model: Model): Model => applyRepairs(model, diagnose(model).defects.flatMap((defect) => defect.repair ?? []))

const leftOver = (model: Model) => diagnose(model).defects.filter((defect) => defect.severity === 'error' || defect.rule === 'open-loop')

const outcomeRank = { open: 0, heard: 1, decided: 2, did: 3 } as const

describe('repairs', () => {
  it('never lower a traced loop: each source closes at least as well once channels and replies are added (what settling relies on)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.array(fc.record({ from: fc.nat(), to: fc.nat(), carries: fc.nat() }), { maxLength: 4 }), (model, extra) => {
        const before = new Map(traceLoops(model).loops.map((loop) => [loop.source, outcomeRank[loop.outcome]]))
        const repairs = [
          ...diagnose(model).defects.flatMap((defect) => defect.repair ?? []),
          ...extra.map((entry) => ({
            from: model.actors[entry.from % model.actors.length]!.id,
            to: model.actors[entry.to % model.actors.length]!.id,
            carries: [model.assets[entry.carries % model.assets.length]!.id],
            level: 'delivery' as const,
            reason: 'an added channel',
          })),
        ]
        for (const loop of traceLoops(applyRepairs(model, repairs)).loops) {
          expect(outcomeRank[loop.outcome]).toBeGreaterThanOrEqual(before.get(loop.source) ?? 0)
        }
      }),
      { numRuns: 300, seed: 17 },
    )
  })

  it('applying every proposed repair leaves no error and no open loop (fuzzed models with provenance)', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const repaired = repairedOnce(model)
        expect(leftOver(repaired)).toEqual([])
        // What a repair creates is had by every channel that carries it: the repairs are wired as proposed.
        const created = new Set(repaired.assets.slice(model.assets.length).map((asset) => asset.id))
        const miswired = modelWarnings(repaired).filter((warning) => warning.code === 'asset-not-available' && [...created].some((id) => warning.message.includes(`'${id}'`)))
        expect(miswired).toEqual([])
        // And each new channel between actors who share a level works at one of theirs (a
        // declared loop's steps keep its level, whoever the model puts on it).
        if (model.loops.length > 0) return
        const levelsOf = new Map(repaired.actors.map((actor) => [actor.id as string, actor.levels]))
        const shares = (a: string, b: string) => (levelsOf.get(a) ?? []).some((level) => (levelsOf.get(b) ?? []).includes(level))
        const misplaced = repaired.channels
          .slice(model.channels.length)
          .filter((channel) => shares(channel.from, channel.to) && !(levelsOf.get(channel.from)!.includes(channel.level) && levelsOf.get(channel.to)!.includes(channel.level)))
        expect(misplaced).toEqual([])
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('applying every proposed repair leaves no error and no open loop (bundled models)', () => {
    const folder = new URL('../../examples/models/', import.meta.url)
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const parsed = parseModel(readFileSync(new URL(file, folder), 'utf8'))
      if (parsed._tag === 'Left') throw new Error(`${file} does not decode`)
      expect({ file, left: leftOver(repairedOnce(parsed.right)) }).toEqual({ file, left: [] })
    }
  })

  it('applied in order to a canonical model, gives what applying and then sorting gives (what settling relies on)', () => {
    const extra = fc.record({ from: fc.nat(), to: fc.nat(), carries: fc.nat(), names: fc.option(fc.nat(), { nil: undefined }), creates: fc.option(fc.nat(12), { nil: undefined }) })
    fc.assert(
      fc.property(arbitraryModel, fc.array(extra, { maxLength: 6 }), fc.boolean(), fc.boolean(), (built, extras, renamed, polarised) => {
        // Channel ids a new channel could take, and polarity, as a repaired model has them.
        const channels = built.channels.map((channel, c) => ({
          ...channel,
          ...(renamed && c % 2 === 0 ? { id: `repair-${c + 1}` as ChannelId } : {}),
          ...(polarised && c === 0 ? { polarity: '-' as const } : {}),
        }))
        const model = canonicalModel({ ...built, channels })
        const actor = (k: number) => model.actors[k % model.actors.length]!.id
        const repairs: ProposedChannel[] = [
          ...diagnose(model).defects.flatMap((defect) => defect.repair ?? []),
          ...extras.map((entry): ProposedChannel => {
            const named = entry.names === undefined || model.channels.length === 0 ? undefined : model.channels[entry.names % model.channels.length]!
            const from = named?.from ?? actor(entry.from)
            const created = entry.creates === undefined ? undefined : (`k${entry.creates}` as AssetId) // an asset of the model's, or a new one
            return {
              from,
              to: named?.to ?? actor(entry.to),
              carries: [created ?? model.assets[entry.carries % model.assets.length]!.id],
              level: 'delivery' as const,
              reason: 'an added channel',
              ...(named === undefined ? {} : entry.carries % 2 === 0 ? { activates: named.id } : { extends: named.id }),
              ...(created === undefined ? {} : { creates: [{ id: created, name: created, kind: 'response' as const, holder: from, derivedFrom: [] }] }),
            }
          }),
        ]
        const inOrder = applyRepairsInOrder(model, repairs, model.channels.some((channel) => channel.polarity !== undefined))
        expect(inOrder).toEqual(canonicalModel(applyRepairs(model, repairs)))
        expect(canonicalModel(inOrder)).toBe(inOrder)
      }),
      { numRuns: 300, seed: 23 },
    )
  })

  it('applies each repair once, with deterministic ids, and does not change the input', () => {
    const model = buildModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p'], ['themes', 'insight', 'm', undefined, { derivedFrom: ['story'] }]],
      channels: [['tell', 'p', 'm', ['story']]],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    expect(repairs.length).toBeGreaterThan(0)
    const once = applyRepairs(model, repairs)
    expect(applyRepairs(model, [...repairs, ...repairs])).toEqual(once)
    expect(once.channels.slice(model.channels.length).map((channel) => channel.id)).toEqual(['repair-1'])
    expect(once.assets.slice(model.assets.length)).toMatchObject([{ id: 'themes-reply', kind: 'response', holder: 'm', derivedFrom: ['themes'] }])
    expect(model.channels).toHaveLength(1)
  })

  it('puts new channels between the same two actors at the same level into one', () => {
    // The health advisers' feedback and the lesson written from it go to the complaints team on one channel.
    const model = buildModel({
      actors: [['advisers', 'staff'], ['complaints', 'staff', ['delivery', 'planning']]],
      assets: [['feedback', 'change', 'advisers'], ['lesson', 'lesson', 'advisers']],
      channels: [],
    })
    const proposal = (carries: string, level: 'delivery' | 'planning') => ({ from: 'advisers', to: 'complaints', level, carries: [carries], reason: 'r' }) as never
    const repaired = applyRepairs(model, [proposal('feedback', 'delivery'), proposal('lesson', 'delivery'), proposal('feedback', 'planning')])
    expect(repaired.channels.map((channel) => [channel.id, channel.level, channel.carries])).toEqual([
      ['repair-1', 'delivery', ['feedback', 'lesson']],
      ['repair-2', 'planning', ['feedback']],
    ])
  })

  it('gives each reply its own id and name when one team answers two groups from one report', () => {
    const model = buildModel({
      actors: [['patients', 'patient'], ['relatives', 'carer'], ['team', 'manager']],
      assets: [
        ['patient-cards', 'experience', 'patients'],
        ['relative-cards', 'experience', 'relatives'],
        ['themes', 'insight', 'team', undefined, { derivedFrom: ['patient-cards', 'relative-cards'] }],
      ],
      channels: [['cards', 'patients', 'team', ['patient-cards']], ['relative-cards-in', 'relatives', 'team', ['relative-cards']]],
    })
    const created = diagnose(model).defects.flatMap((defect) => defect.repair ?? []).flatMap((proposal) => (proposal.creates ?? []).map((asset) => ({ ...asset, to: proposal.to })))
    const replies = [...new Map(created.map((asset) => [asset.id, asset])).values()]
    expect(replies.map((asset) => [asset.to, asset.id, asset.name.includes(asset.to)])).toEqual([
      ['patients', 'themes-reply', true],
      ['relatives', 'themes-reply-2', true],
    ])
  })

  it('gives a second reply made from one plan its own id, written by whom the callers spoke to', () => {
    // Two repairs create a reply made from the board's plan: the board's own to the panel,
    // and one for PALS callers, who spoke to PALS, not to the board: the board tells PALS its
    // plan and PALS answers them. The second reply is renamed, and the repaired model is
    // wired as proposed. (That a renamed reply is renamed wherever it is carried is the
    // fuzzed property's matter.)
    const model = buildModel({
      actors: [['citizens', 'citizen', ['planning']], ['users', 'patient', ['delivery']], ['pals', 'staff', ['delivery', 'planning']], ['board', 'board', ['planning']]],
      assets: [
        ['panel-views', 'experience', 'citizens'],
        ['enquiries', 'experience', 'users'],
        ['panel-thanks', 'response', 'board', undefined, { derivedFrom: ['panel-views'] }],
        ['pals-reply', 'response', 'pals', undefined, { derivedFrom: ['enquiries'] }],
        ['jfp', 'strategy', 'board'],
      ],
      channels: [
        ['survey', 'citizens', 'board', ['panel-views'], { level: 'planning' }],
        ['thanks', 'board', 'citizens', ['panel-thanks'], { level: 'planning' }],
        ['contact', 'users', 'pals', ['enquiries']],
        ['answer', 'pals', 'users', ['pals-reply']],
        ['themes', 'pals', 'board', ['enquiries'], { level: 'planning' }],
      ],
    })
    const defects = diagnose(model).defects
    const relayed = defects.find((defect) => defect.repair?.some((proposal) => proposal.from === 'pals' && proposal.to === 'users'))!
    expect(relayed.repair!.map((proposal) => [proposal.from, proposal.to, proposal.carries, proposal.creates?.map((asset) => asset.id)])).toEqual([
      ['board', 'pals', ['jfp'], undefined],
      ['pals', 'users', ['jfp-reply-2'], ['jfp-reply-2']],
    ])
    const repairs = defects.flatMap((defect) => defect.repair ?? [])
    const repaired = applyRepairs(model, repairs)
    expect(modelWarnings(repaired).filter((warning) => warning.code === 'asset-not-available')).toEqual([])
  })

  it('delivers a reply that stopped short through whom people spoke to, not from its writer to every patient', () => {
    // A PCN's patient survey: the PPG runs it and gives the findings to the clinical director, whose
    // "noted" reply comes back to the PPG and stops. The PPG passes it on; the director does not write to 45,000 patients.
    const model = buildModel({
      actors: [['patients', 'patient'], ['ppg', 'forum'], ['director', 'manager']],
      assets: [['answers', 'experience', 'patients'], ['noted', 'response', 'director', undefined, { derivedFrom: ['answers'] }]],
      channels: [
        ['survey', 'patients', 'ppg', ['answers']],
        ['findings', 'ppg', 'director', ['answers']],
        ['minutes', 'director', 'ppg', ['noted']],
      ],
    })
    const delivery = diagnose(model).defects.find((defect) => defect.rule === 'open-loop')!.repair!
    expect(delivery).toEqual([expect.objectContaining({ from: 'ppg', to: 'patients', carries: ['noted'] })])
    expect(traceLoops(applyRepairs(model, delivery)).loops[0]).toMatchObject({ outcome: 'heard', closedBy: 'noted' })
  })

  it('brings back a lapsed channel between the same two actors rather than adding one beside it', () => {
    const model = buildModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p'], ['themes', 'insight', 'm', undefined, { derivedFrom: ['story'] }], ['old', 'response', 'm', undefined, { derivedFrom: [] }]],
      channels: [['tell', 'p', 'm', ['story']], ['lapsed', 'm', 'p', ['old'], { status: 'inactive', level: 'planning', latencyDays: 14 }]],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    const back = repairs.filter((proposal) => proposal.from === 'm' && proposal.to === 'p')
    expect(back.length).toBeGreaterThan(0)
    expect(back.every((proposal) => proposal.activates === 'lapsed' && proposal.level === 'planning')).toBe(true)
    const repaired = applyRepairs(model, repairs)
    // No channel is added beside it: the lapsed one runs again, listing what it listed and the reply.
    expect(repaired.channels.filter((channel) => channel.from === 'm' && channel.to === 'p')).toEqual([
      { ...model.channels[1]!, status: 'active', carries: ['old', 'themes-reply'] },
    ])
    expect(traceLoops(repaired).loops.find((loop) => loop.source === 'story')!.outcome).not.toBe('open')
    expect(model.channels[1]!.status).toBe('inactive')
  })

  it('puts what should travel on a running channel between the same two actors rather than adding one beside it', () => {
    // The ward manager already runs a 'you said, we did' board for patients and cares for
    // them: the reply to their comments goes on the board, not on a new channel, nor on care.
    const model = buildModel({
      actors: [['patients', 'patient'], ['ward-manager', 'manager']],
      assets: [
        ['comments', 'experience', 'patients'],
        ['rota-change', 'change', 'ward-manager', undefined, { derivedFrom: ['comments'] }],
        ['visiting-notice', 'response', 'ward-manager', undefined, { derivedFrom: [] }],
        ['care', 'change', 'ward-manager', undefined, { derivedFrom: [] }],
      ],
      channels: [
        ['cards', 'patients', 'ward-manager', ['comments']],
        ['a-care', 'ward-manager', 'patients', ['care']],
        ['board', 'ward-manager', 'patients', ['visiting-notice']],
        ['newsletter', 'ward-manager', 'patients', ['visiting-notice'], { level: 'planning' }],
      ],
    })
    const diagnosis = diagnose(model)
    const repairs = diagnosis.defects.flatMap((defect) => defect.repair ?? [])
    const toPatients = repairs.filter((proposal) => proposal.from === 'ward-manager' && proposal.to === 'patients')
    // Every finding about the comments proposes the same reply.
    expect(new Set(toPatients.map((proposal) => JSON.stringify([proposal.extends, proposal.level, proposal.carries])))).toEqual(
      new Set([JSON.stringify(['board', 'delivery', ['rota-change-reply']])]),
    )
    expect(formatDiagnosis(diagnosis, 'text')).toContain("use 'board': ward-manager -> patients carrying rota-change-reply (new) at delivery level")
    const repaired = applyRepairs(model, repairs)
    expect(repaired.channels.filter((channel) => channel.from === 'ward-manager' && channel.to === 'patients')).toEqual([
      model.channels[1],
      { ...model.channels[2]!, carries: ['visiting-notice', 'rota-change-reply'] },
      model.channels[3],
    ])
    expect(traceLoops(repaired).loops.find((loop) => loop.source === 'comments')!.outcome).toBe('did')
  })

  it('adds a channel when the running ones between the two actors are at another level', () => {
    const model = buildModel({
      actors: [['patients', 'patient', ['delivery', 'planning']], ['ward-manager', 'manager', ['delivery', 'planning']]],
      assets: [['comments', 'experience', 'patients'], ['rota-change', 'change', 'ward-manager', undefined, { derivedFrom: ['comments'] }]],
      channels: [['cards', 'patients', 'ward-manager', ['comments']], ['forum', 'ward-manager', 'patients', [], { level: 'planning' }]],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    const toPatients = repairs.filter((proposal) => proposal.from === 'ward-manager' && proposal.to === 'patients')
    expect(toPatients.length).toBeGreaterThan(0)
    expect(toPatients.every((proposal) => proposal.extends === undefined && proposal.level === 'delivery')).toBe(true)
    expect(applyRepairs(model, repairs).channels.filter((channel) => channel.from === 'ward-manager')).toHaveLength(2)
  })

  it('mends the declared loop for a source rather than proposing a reply beside it', () => {
    // The trust declares that FFT comments come back on the ED matron's "you said, we did"
    // poster, but the experience team never sends the supplier's dashboard to the matron.
    // Every finding about the comments mends that loop; none asks the survey supplier to
    // write to patients.
    const model = buildModel({
      actors: [['patients', 'patient'], ['supplier', 'intermediary'], ['px', 'staff'], ['matron', 'manager']],
      assets: [['comments', 'experience', 'patients'], ['dashboard', 'insight', 'supplier', undefined, { derivedFrom: ['comments'] }]],
      channels: [
        ['sms', 'patients', 'supplier', ['comments']],
        ['dashboard-px', 'supplier', 'px', ['dashboard']],
        ['poster', 'matron', 'patients', []],
      ],
      loops: [{ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'supplier', 'px', 'matron', 'patients'], source: 'comments', promises: 'heard' }],
    })
    const defects = diagnose(model).defects
    const repairOf = (rule: string) => JSON.stringify(defects.find((defect) => defect.rule === rule)!.repair)
    expect(repairOf('open-loop')).toBe(repairOf('declared-loop-broken'))
    const repairs = defects.flatMap((defect) => defect.repair ?? [])
    expect(repairs.filter((proposal) => proposal.to === 'patients').map((proposal) => [proposal.from, proposal.extends])).toContainEqual(['matron', 'poster'])
    expect(repairs.filter((proposal) => proposal.from === 'supplier' && proposal.to === 'patients')).toEqual([])
    expect(traceLoops(applyRepairs(model, repairs)).loops.find((loop) => loop.source === 'comments')!.outcome).not.toBe('open')
  })

  it("passes a board's reply to patients through the ward manager whose board lapsed, bringing that board back", () => {
    // The trust board (planning, strategy) shares no level with patients (delivery). Nobody
    // has an active channel to patients, but the ward manager, at both the board's level and
    // the patients', ran a "you said, we did" board that lapsed: the reply goes that way.
    const model = buildModel({
      actors: [['patients', 'patient'], ['experience-team', 'staff', ['delivery', 'planning']], ['ward-manager', 'manager', ['delivery', 'planning']], ['trust-board', 'board', ['planning', 'strategy']]],
      assets: [
        ['ratings', 'data', 'patients'],
        ['score', 'insight', 'experience-team', undefined, { derivedFrom: ['ratings'] }],
        ['report', 'decision', 'trust-board', undefined, { derivedFrom: ['score'] }],
        ['old-notice', 'response', 'ward-manager', undefined, { derivedFrom: [] }],
      ],
      channels: [
        ['fft', 'patients', 'experience-team', ['ratings']],
        ['to-board', 'experience-team', 'trust-board', ['score'], { level: 'planning' }],
        ['notice-board', 'ward-manager', 'patients', ['old-notice'], { status: 'inactive' }],
      ],
    })
    const diagnosis = diagnose(model)
    const repairs = diagnosis.defects.flatMap((defect) => defect.repair ?? [])
    const legs = repairs.filter((proposal) => proposal.carries.includes('report-reply' as never))
    // The board is brought back once, though two repairs use it (the reply, and the old notice).
    expect(formatDiagnosis(diagnosis, 'text')).toContain('Repairs: add 1 channel and bring back 1:')
    expect(new Set(legs.map((proposal) => JSON.stringify([proposal.from, proposal.to, proposal.level, proposal.activates ?? null])))).toEqual(
      new Set([JSON.stringify(['trust-board', 'ward-manager', 'planning', null]), JSON.stringify(['ward-manager', 'patients', 'delivery', 'notice-board'])]),
    )
    const repaired = applyRepairs(model, repairs)
    expect(modelWarnings(repaired).filter((warning) => warning.code === 'level-mismatch')).toEqual([])
    expect(traceLoops(repaired).loops.find((loop) => loop.source === 'ratings')!.outcome).toBe('decided')
  })

  it('relays a reply through whom its writer works with when nobody has a channel to the people it answers', () => {
    // The trust's information team (planning) sends restrictive-practice data to the equality
    // committee; the community team (delivery) changes practice from the directorate's plan.
    // The team's reply goes through the directorate, which works at both levels.
    const model = buildModel({
      actors: [['info', 'staff', ['planning']], ['committee', 'board', ['planning']], ['directorate', 'manager', ['delivery', 'planning']], ['team', 'clinician', ['delivery']]],
      assets: [
        ['rp-data', 'data', 'info'],
        ['plan', 'plan', 'directorate', undefined, { derivedFrom: ['rp-data'] }],
        ['practice-change', 'change', 'team', undefined, { derivedFrom: ['plan'] }],
      ],
      channels: [
        ['rp-to-committee', 'info', 'committee', ['rp-data'], { level: 'planning' }],
        ['committee-to-directorate', 'committee', 'directorate', ['rp-data'], { level: 'planning' }],
        ['plan-to-team', 'directorate', 'team', ['plan']],
      ],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    const legs = repairs.filter((proposal) => proposal.carries.some((id) => id.startsWith('practice-change-reply')))
    expect(new Set(legs.map((proposal) => JSON.stringify([proposal.from, proposal.to, proposal.level])))).toEqual(
      new Set([JSON.stringify(['team', 'directorate', 'delivery']), JSON.stringify(['directorate', 'info', 'planning'])]),
    )
    expect(modelWarnings(applyRepairs(model, repairs)).filter((warning) => warning.code === 'level-mismatch')).toEqual([])
  })

  it('does not bring back a lapsed channel that was for something else, unless another repair brings it back', () => {
    // The 15 Steps report's lapsed channel from the experience team to the matron is not
    // revived to carry the FFT dashboard: that is a new channel. Where the 15 Steps report
    // is itself brought back (nothing else carries it), the dashboard goes on it too.
    const build = (stepsElsewhere: boolean) =>
      buildModel({
        actors: [['patients', 'patient'], ['supplier', 'intermediary'], ['px', 'staff'], ['matron', 'manager'], ['board', 'board']],
        assets: [['comments', 'experience', 'patients'], ['dashboard', 'insight', 'supplier', undefined, { derivedFrom: ['comments'] }], ['fifteen-steps', 'insight', 'px']],
        channels: [
          ['sms', 'patients', 'supplier', ['comments']],
          ['dashboard-px', 'supplier', 'px', ['dashboard']],
          ['steps-to-matron', 'px', 'matron', ['fifteen-steps'], { status: 'inactive' }],
          ...(stepsElsewhere ? [['steps-to-board', 'px', 'board', ['fifteen-steps']] as const] : []),
        ],
        loops: [{ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'supplier', 'px', 'matron', 'patients'], source: 'comments', promises: 'heard' }],
      })
    const dashboardToMatron = (stepsElsewhere: boolean) => {
      const repairs = diagnose(build(stepsElsewhere)).defects.flatMap((defect) => defect.repair ?? [])
      const toMatron = repairs.filter((proposal) => proposal.from === 'px' && proposal.to === 'matron')
      // What it did carry, it may bring back.
      const revived = toMatron.filter((proposal) => proposal.activates === 'steps-to-matron')
      if (revived.length > 0) expect(revived.some((proposal) => proposal.carries.includes('fifteen-steps' as never))).toBe(true)
      return [...new Set(toMatron.filter((proposal) => proposal.carries.includes('dashboard' as never)).map((proposal) => proposal.activates))]
    }
    expect(dashboardToMatron(true)).toEqual([undefined])
    expect(dashboardToMatron(false)).toEqual(['steps-to-matron'])
  })

  it('brings learning to the plan holder at a level both take part in', () => {
    // Link workers (delivery only) and the PCN clinical director (delivery and planning):
    // the case learning goes to the director at delivery level, not at the plan's planning level.
    const model = buildModel({
      actors: [['clients', 'patient'], ['link-workers', 'staff'], ['pcn-cd', 'manager', ['delivery', 'planning']]],
      assets: [['story', 'experience', 'clients'], ['case-learning', 'insight', 'link-workers', undefined, { derivedFrom: ['story'] }], ['service-plan', 'plan', 'pcn-cd']],
      channels: [['conversation', 'clients', 'link-workers', ['story']], ['plan-to-lw', 'pcn-cd', 'link-workers', ['service-plan']]],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    expect(repairs.filter((proposal) => proposal.to === 'pcn-cd').map((proposal) => proposal.level)).toEqual(expect.arrayContaining(['delivery']))
    expect(repairs.filter((proposal) => proposal.to === 'pcn-cd' && proposal.level !== 'delivery')).toEqual([])
    expect(modelWarnings(applyRepairs(model, repairs)).filter((warning) => warning.code === 'level-mismatch')).toEqual([])
  })

  it('suggestRepairs proposes, per level, as many channels as Eswaran and Tarjan say are needed', () => {
    // Two one-way chains at delivery: p1 -> m and p2 -> m; one source each, one sink (m): max(2, 1) = 2.
    const model = buildModel({
      actors: [['p1', 'patient'], ['p2', 'carer'], ['m', 'manager']],
      channels: [['a', 'p1', 'm', []], ['b', 'p2', 'm', []]],
    })
    expect(suggestRepairs(model, { level: 'delivery' })).toHaveLength(2)
  })
})
