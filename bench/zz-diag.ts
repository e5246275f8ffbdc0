import { createDiagnosisContext } from '../src/diagnose/context.js'
import { resolveConfig } from '../src/diagnose/config.js'
import { diagnose } from '../src/diagnose/diagnose.js'
import { generateOrganisation } from './generate.js'
const model = generateOrganisation({ seed: 7, actors: 10000, channels: 100000, provenance: true })
const cfg = (resolveConfig(undefined) as any).right
diagnose(model)
const cpu = (f: () => unknown) => { const t = process.cpuUsage(); f(); const u = process.cpuUsage(t); return (u.user + u.system) / 1000 }
const ctx0 = createDiagnosisContext(model, { loopBounds: cfg.loops, names: false })
console.log('traces', cpu(() => ctx0.traces()).toFixed(0))
for (const entry of cfg.rules) {
  const ctx = createDiagnosisContext(model, { loopBounds: cfg.loops, names: false })
  ctx.traces()
  let n = 0
  const ms = cpu(() => { n = entry.rule.check(ctx, entry.options).length })
  console.log(entry.rule.id.padEnd(28), ms.toFixed(0).padStart(6), 'ms', n)
}
console.log('diagnose total', cpu(() => diagnose(model)).toFixed(0))
