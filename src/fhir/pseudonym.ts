/**
 * Turn resource ids into keyed pseudonyms with HMAC-SHA-256 from Web Crypto
 * (`globalThis.crypto.subtle`, in browsers and Node 20). Without a key, ids are kept.
 * @internal
 */
export type Pseudonymise = (resourceType: string, id: string) => Promise<string>

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

/** Build the id mapper for a key (or the identity when there is none). @internal */
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
