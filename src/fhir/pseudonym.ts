import type { FhirDiagnostic } from './diagnostics.js'
import { kindOf } from './types.js'

/**
 * Turn resource ids into keyed pseudonyms with HMAC-SHA-256 from Web Crypto
 * (`globalThis.crypto.subtle`, in browsers and Node 20). Without a key, ids are kept.
 * @internal
 */
export type Pseudonymise = (resourceType: string, id: string) => Promise<string>

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

// By tag rather than `instanceof`, so a Buffer or a Uint8Array from another realm counts.
const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]'

const keyProblem = (message: string): FhirDiagnostic => ({ code: 'invalid-option', severity: 'error', path: '/pseudonymKey', message })

/**
 * Why a `pseudonymKey` option cannot be used, or `undefined` when it can (an absent key
 * can: ids are kept). An empty key is refused rather than dropped, so that asking for
 * pseudonyms never quietly yields real ids; Web Crypto would reject it anyway.
 * @internal
 */
export const pseudonymKeyProblem = (key: unknown): FhirDiagnostic | undefined => {
  if (key === undefined) return undefined
  if (typeof key !== 'string' && !isBytes(key)) {
    return keyProblem(`The pseudonym key must be a string or a Uint8Array, but it is ${kindOf(key)}.`)
  }
  return key.length === 0 ? keyProblem('The pseudonym key is empty; give at least one character or byte.') : undefined
}

/**
 * Build the id mapper for a key (or the identity when there is none). The key must have
 * passed {@link pseudonymKeyProblem}. @internal
 */
export const pseudonymiser = async (key: string | Uint8Array | undefined): Promise<Pseudonymise> => {
  if (key === undefined) return (resourceType, id) => Promise.resolve(`${resourceType}/${id}`)
  const encoder = new TextEncoder()
  const raw = typeof key === 'string' ? encoder.encode(key) : new Uint8Array(key)
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const cache = new Map<string, string>()
  return async (resourceType, id) => {
    const input = `${resourceType}/${id}`
    const known = cache.get(input)
    if (known !== undefined) return known
    const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(input)))
    const pseudonym = `${resourceType}/${hex(signature.subarray(0, 12))}`
    cache.set(input, pseudonym)
    return pseudonym
  }
}
