/**
 * Diagnose Ward 7's "you said, we did" loops, add the channels the open-loop findings
 * propose (Eswaran–Tarjan: the fewest that close every open loop on each level), and
 * diagnose again. Run: `npx tsx examples/repair-ward.ts`.
 */
import assert from 'node:assert/strict'

// #region repair
import { readFileSync } from 'node:fs'
import { type ProposedChannel, diagnose, formatModelErrors, modelBuilder, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const ward = parsed.right

const before = diagnose(ward)
const openLoops = before.defects.filter((defect) => defect.rule === 'open-loop')
// Carers' concerns go to PALS and on to the ward manager; nothing comes back.
for (const defect of openLoops) console.log(defect.message)

// Every open-loop finding carries the repair for its level; take each proposal once.
const proposals = new Map<string, ProposedChannel>()
for (const defect of openLoops) {
  for (const proposal of defect.repair ?? []) proposals.set(JSON.stringify([proposal.from, proposal.to, proposal.level]), proposal)
}
// Add them to a copy of the ward: the builder starts from the model and checks the result.
let builder = modelBuilder(ward)
for (const { from, to, level, carries } of proposals.values()) builder = builder.channel({ from, to, level, carries })
const built = builder.build()
if (built._tag === 'Left') throw new Error(formatModelErrors(built.left))
const repaired = built.right
const added = repaired.channels.slice(ward.channels.length)
const after = diagnose(repaired)
console.log(`${openLoops.length} open-loop findings closed by ${added.length} new channels:`)
for (const channel of added) console.log(`  ${channel.from} -> ${channel.to} (${channel.level})`)
console.log(`channels still needed: ${after.scorecard.overall.channelsToCloseOpenLoops}`)
// #endregion repair

assert.ok(openLoops.some((defect) => defect.channels.some((id) => id === 'raise-concern')))
assert.equal(added.length, before.scorecard.overall.channelsToCloseOpenLoops)
assert.equal(after.defects.filter((defect) => defect.rule === 'open-loop').length, 0)
assert.equal(after.scorecard.overall.channelsToCloseOpenLoops, 0)
assert.ok(after.scorecard.overall.loopClosureCoverage === 1)
