/**
 * CSV files as bytes: the text of a table given as a `Uint8Array`, with its encoding
 * detected from a byte order mark, and invalid UTF-8 (a file saved as Windows-1252 or
 * Latin-1) refused at its row instead of read as mistaken characters.
 * @internal
 */

/** The text of a table, or where its bytes are not UTF-8. @internal */
export type CsvBytesText = { readonly text: string } | { readonly invalidAt: { readonly row: number; readonly byte: number } }

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]!
    if (byte < 0x80) {
      i++
      continue
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    const second = bytes[i + 1]!
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf
    if (second < low || second > high) return i
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += length
  }
  return -1
}

/** The 1-based line of a byte offset (a line break inside a quoted cell counts too). */
const rowAt = (bytes: Uint8Array, offset: number): number => {
  let row = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) row++
  return row
}

/**
 * Decode a table's bytes: UTF-16 (little- or big-endian) when it starts with that byte
 * order mark, otherwise UTF-8 (a UTF-8 byte order mark is dropped). Browser-safe
 * (`TextDecoder`). O(bytes).
 * @internal
 */
export const csvBytesText = (bytes: Uint8Array): CsvBytesText => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  const invalid = firstInvalidUtf8(body)
  if (invalid >= 0) return { invalidAt: { row: rowAt(body, invalid), byte: start + invalid + 1 } }
  return { text: new TextDecoder('utf-8').decode(body) }
}
