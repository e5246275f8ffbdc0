import type { ProposedChannel } from '../graph/types.js'
import type { ActorId, ChannelId } from '../model/primitives.js'
import type { Diagnosis } from './diagnose.js'

/**
 * What a diagram should draw attention to, from a diagnosis: the channels named by
 * errors and warnings (drawn red) and every proposed repair (drawn dashed), each once.
 * The shape is the `highlight` option of `toMermaid`, `toDot` and `toCytoscape` in
 * `orgintel/io`.
 * @category Diagnosis
 */
export interface DiagnosisHighlight {
  readonly channels: ReadonlyArray<ChannelId>
  readonly actors: ReadonlyArray<ActorId>
  readonly proposed: ReadonlyArray<ProposedChannel>
}

/**
 * The highlight for a diagnosis (see {@link DiagnosisHighlight}).
 * @category Diagnosis
 */
export const highlightOf = (diagnosis: Diagnosis): DiagnosisHighlight => {
  const channels = new Set<ChannelId>()
  const actors = new Set<ActorId>()
  const proposed = new Map<string, ProposedChannel>()
  for (const defect of diagnosis.defects) {
    if (defect.severity === 'info') continue
    for (const channel of defect.channels) channels.add(channel)
    if (defect.channels.length === 0) for (const actor of defect.actors) actors.add(actor)
    for (const repair of defect.repair ?? []) {
      const key = JSON.stringify([repair.from, repair.to, repair.level])
      if (!proposed.has(key)) proposed.set(key, repair)
    }
  }
  return { channels: [...channels].sort(), actors: [...actors].sort(), proposed: [...proposed.values()] }
}
