import { defaultTraceBudget, isSourceAsset, traceLoops } from '../../graph/trace.js'
import { kindWithArticle, sourcesMadeInto } from '../../model/source-assets.js'
import type { Model } from '../../model/codecs.js'
import { closestName } from '../../model/suggest.js'
import { quoteIdQuickly } from '../../diagnose/naming.js'
import { choiceOption, integerOption, onePositional, repeatedOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { writeTextAtomically } from '../files.js'
import { loadModel } from '../model-input.js'
import { traceReportJson, traceReportText } from '../trace-report.js'

/**
 * The sources `--source` names, checked against the model: an id that is no asset is
 * refused with the closest source id (else a few of the model's sources), an asset that
 * is not a source with what it is and the sources it was made from.
 */
const chosenSources = (model: Model, ids: ReadonlyArray<string>): ReadonlyArray<string> | undefined => {
  if (ids.length === 0) return undefined
  const assets = new Map(model.assets.map((asset) => [asset.id as string, asset]))
  const sources = model.assets.filter(isSourceAsset).map((source) => source.id as string)
  const some = sources.length === 0 ? 'the model has no sources' : `the model's sources include ${sources.slice(0, 3).map(quoteIdQuickly).join(', ')}`
  for (const id of ids) {
    const asset = assets.get(id)
    if (asset === undefined) {
      const closest = closestName(id, sources)
      throw usageFailure(`--source names ${quoteArgument(id, 64)}, which is not an asset of the model (${closest === undefined ? some : `did you mean ${quoteIdQuickly(closest)}?`})`)
    }
    if (!isSourceAsset(asset)) {
      const made = asset.derivedFrom === undefined || asset.derivedFrom.length === 0 ? '' : ' made from others'
      const roots = sourcesMadeInto(asset, assets, 3).map((source) => source.id)
      const hint = roots.length > 0 ? `did you mean ${roots.map(quoteIdQuickly).join(' or ')}, which it is made from?` : some
      throw usageFailure(`--source names ${quoteArgument(id, 64)}, ${kindWithArticle(asset.kind)} asset${made}, not a source (an experience, evidence or data asset made from nothing; ${hint})`)
    }
  }
  return ids
}

/** `orgintel trace`: follow each source to the reply that comes back, or to where it stops. @internal */
export const traceCommand: Command = {
  name: 'trace',
  summary: 'follow each story, evidence or data source to its reply, or to where it stops',
  usage:
    'orgintel trace <model.json|-> [--source ID]... [--format text|json] [--names] [--budget STEPS] [-o file]\n' +
    `       (--source may be repeated; by default every source. Ids only unless --names; default --budget ${defaultTraceBudget})`,
  options: {
    source: { type: 'string', short: 's', multiple: true },
    format: { type: 'string', short: 'f' },
    names: { type: 'boolean' },
    budget: { type: 'string' },
    ...outputOption,
  },
  async run(parsed) {
    const model = loadModel(onePositional(parsed, 'model file'))
    const sources = chosenSources(model, repeatedOption(parsed, 'source'))
    const format = choiceOption(parsed, 'format', ['text', 'json'], 'text')
    const budget = integerOption(parsed, 'budget', defaultTraceBudget, 1)
    const search = traceLoops(model, { budget, ...(sources === undefined ? {} : { sources }) })
    const text = format === 'json' ? traceReportJson(model, search) : traceReportText(model, search, { names: parsed.values['names'] === true, budget })
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text)
    return exitCodes.ok
  },
}
