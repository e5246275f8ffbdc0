/**
 * Characters a document may not hold. An id must survive every format the library
 * writes (GraphML, GEXF, SVG, UTF-8 CSV): XML 1.0 cannot carry C0 control characters
 * or U+FFFE/U+FFFF, and UTF-8 cannot carry a lone surrogate (half of a UTF-16 pair),
 * so two ids differing only in such a character would become one on the way out.
 * Text (names, tags, descriptions) may hold controls, which writers escape, but not a
 * lone surrogate, which no encoder can write.
 * @packageDocumentation
 */

/** The code point at `offset`, as `U+XXXX` (four hex digits at least). @internal */
export const describeCodePoint = (text: string, offset: number): string =>
  `U+${(text.codePointAt(offset) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

// eslint-disable-next-line no-control-regex
const suspectInId = /[\u0000-\u001f\ufffe\uffff\ud800-\udfff]/
const suspectInText = /[\ud800-\udfff]/

/**
 * The offset of the first refused code unit at or after the first match of `suspect`,
 * or -1: a surrogate is refused only when its other half is missing. The regular
 * expression finds the first candidate fast; the loop decides. O(n).
 */
const firstRefusedOffset = (text: string, suspect: RegExp): number => {
  const from = text.search(suspect)
  if (from < 0) return -1
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++
    else if (code >= 0xd800 && code <= 0xdfff) return i
    else if (suspect === suspectInId && (code < 0x20 || code === 0xfffe || code === 0xffff)) return i
  }
  return -1
}

/**
 * The offset of the first UTF-16 code unit of `text` that is half of a surrogate pair
 * without its other half, or -1. O(n).
 * @internal
 */
export const loneSurrogateOffset = (text: string): number => firstRefusedOffset(text, suspectInText)

/**
 * The offset of the first character an id may not contain (a C0 control, U+FFFE,
 * U+FFFF or a lone surrogate), or -1. O(n).
 * @internal
 */
export const forbiddenIdCharacterOffset = (id: string): number => firstRefusedOffset(id, suspectInId)

/**
 * Why a string is refused, in words, with the code point: "contains the control
 * character U+000A at position 5" (positions count UTF-16 code units from 1). Never
 * quotes the text.
 * @internal
 */
export const describeForbiddenCharacter = (text: string, offset: number): string => {
  const code = text.charCodeAt(offset)
  const what = code < 0x20 ? 'the control character' : code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate (half of a character pair)' : 'the non-character'
  return `contains ${what} ${describeCodePoint(text, offset)} at position ${offset + 1}`
}

/** A regular expression source (for JSON Schema `pattern`, ECMAScript with the `u` flag) matching a valid id. @internal */
export const idPattern = '^[^\\u0000-\\u001f\\ufffe\\uffff\\ud800-\\udfff]+$'

/** A regular expression source (for JSON Schema `pattern`, with the `u` flag) matching text without a lone surrogate. @internal */
export const textPattern = '^[^\\ud800-\\udfff]*$'
