import type { Model } from '../model/codecs.js'
import { actorsByLevel, levelTitle, nodeIds } from './highlight.js'
import { displayText, escapeXml } from './text.js'

/**
 * Put real names in the hover titles of an SVG that Graphviz drew from {@link toDot}'s
 * text: Graphviz titles each node, edge and cluster by its DOT name (`n0`,
 * `n0->n2`, `cluster_0`), which means nothing to a reader; they become the actor's
 * name, `From → To`, the level's title and `Legend`. Names are shortened and escaped as in the
 * drawing's labels. Other titles are left as they are. O(length of the SVG).
 * @internal
 */
export const nameSvgTitles = (svg: string, model: Model): string => {
  const names = new Map<string, string>()
  const ids = nodeIds(model)
  for (const actor of model.actors) {
    const id = ids.get(actor.id)!
    if (!names.has(id)) names.set(id, displayText(actor.name).trim() || id)
  }
  const clusters = actorsByLevel(model).map(([level]) => levelTitle(level))
  const titled = (text: string): string => `<title>${escapeXml(text)}</title>`
  return svg.replace(/<title>([^<]*)<\/title>/g, (whole, text: string) => {
    const node = names.get(text)
    if (node !== undefined) return titled(node)
    const edge = /^(n\d+)&#45;&gt;(n\d+)$/.exec(text)
    const from = edge === null ? undefined : names.get(edge[1]!)
    const to = edge === null ? undefined : names.get(edge[2]!)
    if (from !== undefined && to !== undefined) return titled(`${from} \u2192 ${to}`)
    if (text === 'cluster_legend') return titled('Legend')
    const cluster = /^cluster_(\d+)$/.exec(text)
    const level = cluster === null ? undefined : clusters[Number(cluster[1])]
    return level === undefined ? whole : titled(level)
  })
}
