import type { IndexedResource } from './bundle-index.js'
import { field, stringField } from './types.js'

/** The channel status for a Communication status. @internal */
export const channelStatusOf = (resource: IndexedResource): 'active' | 'inactive' | 'planned' => {
  switch (stringField(resource.resource, 'status')) {
    case 'preparation':
      return 'planned'
    case 'not-done':
    case 'on-hold':
    case 'stopped':
    case 'entered-in-error':
      return 'inactive'
    default:
      return 'active'
  }
}

const day = 86_400_000

/** Days from `sent` to `received`, when both are valid timestamps in that order. @internal */
export const latencyOf = (resource: IndexedResource): number | undefined => {
  const sent = Date.parse(stringField(resource.resource, 'sent') ?? '')
  const received = Date.parse(stringField(resource.resource, 'received') ?? '')
  if (!Number.isFinite(sent) || !Number.isFinite(received) || received < sent) return undefined
  return Math.round(((received - sent) / day) * 1000) / 1000
}

/** The reference texts of a field holding one reference or a list of them. @internal */
export const referencesOf = (value: unknown): ReadonlyArray<{ readonly reference: string; readonly position?: number }> => {
  if (Array.isArray(value)) {
    return value.flatMap((item, position) => {
      const reference = stringField(item, 'reference')
      return reference === undefined ? [] : [{ reference, position }]
    })
  }
  const reference = stringField(value, 'reference')
  return reference === undefined ? [] : [{ reference }]
}

/** Whether a Communication answers another (`inResponseTo` is present). @internal */
export const isResponse = (resource: IndexedResource): boolean => referencesOf(field(resource.resource, 'inResponseTo')).length > 0
