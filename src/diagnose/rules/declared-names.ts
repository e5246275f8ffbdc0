import type { DeclaredLoop } from '../../model/codecs.js'
import type { ActorId, AssetId } from '../../model/primitives.js'
import type { TracedLoop } from '../../graph/trace-types.js'

/** The actor whose reply (or decision) closes a traced loop: the sender of its last step, or the holder itself. @internal */
export const closerOf = (loop: TracedLoop): ActorId => (loop.steps.length === 0 ? loop.holder : loop.steps[loop.steps.length - 1]!.from)

/**
 * Whether a declared loop names a traced loop: it declares that loop's source, or it
 * declares no source and runs through the source's holder, the actor the source goes to
 * first on the traced route, and the actor that closes it. An annual survey returned to
 * the unit manager that comes back through the nurses is not the nurses' chairside loop.
 * O(length of the declared loop).
 * @internal
 */
export const namesTracedLoop = (declared: DeclaredLoop, loop: TracedLoop): boolean => {
  if (declared.source !== undefined) return declared.source === loop.source
  const first = loop.steps.length === 0 ? loop.holder : loop.steps[0]!.to
  return declared.through.includes(loop.holder) && declared.through.includes(first) && declared.through.includes(closerOf(loop))
}

/**
 * The declared loops that name each traced loop (see {@link namesTracedLoop}), in model
 * order, from an index built once: O(declared loops' lengths) to build, then
 * O(declared loops that could name it) per traced loop.
 * @internal
 */
export const declaredNamesOf = (declared: ReadonlyArray<DeclaredLoop>): ((loop: TracedLoop) => ReadonlyArray<DeclaredLoop>) => {
  const bySource = new Map<AssetId, number[]>()
  const byActor = new Map<ActorId, number[]>()
  declared.forEach((named, k) => {
    const add = <K>(map: Map<K, number[]>, key: K) => {
      const list = map.get(key)
      if (list === undefined) map.set(key, [k])
      else if (list[list.length - 1] !== k) list.push(k)
    }
    if (named.source !== undefined) add(bySource, named.source)
    else for (const actor of named.through) add(byActor, actor)
  })
  return (loop) => {
    const candidates = [...(bySource.get(loop.source) ?? []), ...(byActor.get(loop.holder) ?? [])].sort((a, b) => a - b)
    return candidates.map((k) => declared[k]!).filter((named) => namesTracedLoop(named, loop))
  }
}
