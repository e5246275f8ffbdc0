/**
 * Diagnose Ward 7's "you said, we did" loops, add the channels the open-loop findings
 * propose (Eswaran–Tarjan: the fewest that close every open loop on each level), and
 * diagnose again. Run: `npx tsx examples/repair-ward.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import type { Channel, Model } from '../src/model/codecs.js'
import { parseModel } from '../src/model/decode.js'
import { diagnose } from '../src/diagnose/diagnose.js'

const parsed = parseModel(readFileSync(new URL('./models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
assert.ok(E.isRight(parsed))
const ward = parsed.right

// #region diagnose
const before = diagnose(ward)
const openLoops = before.defects.filter((defect) => defect.rule === 'open-loop')
// Carers' concerns go to PALS and on to the ward manager; nothing comes back.
assert.ok(openLoops.some((defect) => defect.channels.includes('raise-concern' as never)))
// #endregion diagnose

// #region repair
// Every open-loop finding carries the repair for its level; take each proposal once.
const proposals = new Map<string, NonNullable<(typeof openLoops)[number]['repair']>[number]>()
for (const defect of openLoops) {
  for (const proposal of defect.repair ?? []) proposals.set(JSON.stringify([proposal.from, proposal.to, proposal.level]), proposal)
}
const added: Channel[] = [...proposals.values()].map((proposal, index) => ({
  id: `proposed-${index + 1}` as Channel['id'],
  from: proposal.from,
  to: proposal.to,
  carries: proposal.carries,
  level: proposal.level,
  status: 'active',
}))
const repaired: Model = { ...ward, channels: [...ward.channels, ...added] }
const after = diagnose(repaired)

assert.equal(added.length, before.scorecard.overall.channelsToCloseOpenLoops)
assert.equal(after.defects.filter((defect) => defect.rule === 'open-loop').length, 0)
assert.equal(after.scorecard.overall.channelsToCloseOpenLoops, 0)
assert.ok(after.scorecard.overall.loopClosureCoverage === 1)
// #endregion repair

process.stdout.write(
  `Ward 7: ${openLoops.length} open-loop findings closed by ${added.length} new channels:\n` +
    added.map((channel) => `  ${channel.from} -> ${channel.to} (${channel.level})\n`).join(''),
)
