import * as t from 'io-ts'
import { AssetKind } from '../../model/vocabulary.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { ruleOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/**
 * **unused-knowledge** finds knowledge assets that no active channel carries: stories
 * never passed on, reply letters never sent, and above all what users know that the
 * organisation relies on but does not acknowledge (`acknowledged: false`; Ostrom on
 * co-production, where users' own assets carry much of the service unseen). Knowledge
 * that never travels cannot be made sense of, acted on or remembered.
 *
 * How: the context's one scan of every channel's `carries` (shared with the asset
 * flows). O(channels × carried + assets).
 *
 * Options: `ignoreKinds` (default none): asset kinds not to report.
 * @category Rules
 */
export const unusedKnowledge = defineRule({
  id: 'unused-knowledge',
  description: 'A knowledge asset that no active channel carries.',
  defaultSeverity: 'warning',
  options: ruleOptions('UnusedKnowledgeOptions', { ignoreKinds: t.readonlyArray(AssetKind) }, { ignoreKinds: [] }),
  check: (context, options) => {
    const { carriedByActive, idleChannels } = context.cargo()
    const assets = context.model.assets
    const findings: Finding[] = []
    for (let k = 0; k < assets.length; k++) {
      const asset = assets[k]!
      if (carriedByActive[k] === 1 || options.ignoreKinds.includes(asset.kind)) continue
      const holder = context.naming.actor(asset.holder)
      const what = context.naming.asset(asset.id)
      findings.push({
        message: asset.acknowledged
          ? `${what}, ${asset.kind} held by ${holder}, travels on no active channel: knowledge that is never shared cannot be used.`
          : `${what}, ${asset.kind} held by ${holder} that the organisation relies on but does not acknowledge, travels on no active channel: it stays invisible and is lost.`,
        level: context.actor(asset.holder)?.levels[0],
        actors: [asset.holder],
        channels: sortedUnique(idleChannels.get(asset.id) ?? []),
      })
    }
    return findings
  },
})
