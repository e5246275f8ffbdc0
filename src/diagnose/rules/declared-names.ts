import type { DeclaredLoop } from '../../model/codecs.js'
import type { ActorId } from '../../model/primitives.js'
import type { TracedLoop } from '../../graph/trace-types.js'

/** The actor whose reply (or decision) closes a traced loop: the sender of its last step, or the holder itself. @internal */
export const closerOf = (loop: TracedLoop): ActorId => (loop.steps.length === 0 ? loop.holder : loop.steps[loop.steps.length - 1]!.from)

/**
 * Whether a declared loop names a traced loop: it declares that loop's source, or it
 * declares no source and runs through both the source's holder and the actor that
 * closes the traced loop. O(length of the declared loop).
 * @internal
 */
export const namesTracedLoop = (declared: DeclaredLoop, loop: TracedLoop): boolean => {
  if (declared.source !== undefined) return declared.source === loop.source
  const closer = closerOf(loop)
  return declared.through.includes(loop.holder) && declared.through.includes(closer)
}
