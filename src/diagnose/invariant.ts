/**
 * Throw when a condition that can only fail through a programming error does not hold
 * (for example a typed config that names a rule no one registered). Expected failures
 * are returned as `Left` values instead; this is the one place the diagnosis code throws.
 * @category Diagnosis
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`orgintel invariant failed: ${message}`)
}
