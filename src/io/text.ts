/**
 * Text helpers shared by the writers: XML escaping and display-safe labels.
 * @internal
 */

// eslint-disable-next-line no-control-regex
const xmlUnsafe = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

// eslint-disable-next-line no-control-regex
const needsXmlEscape = /[&<>"'\u0000-\u001f\ufffe\uffff]/

const xmlReplacement = (character: string): string => {
  switch (character) {
    case '&':
      return '&amp;'
    case '<':
      return '&lt;'
    case '>':
      return '&gt;'
    case '"':
      return '&quot;'
    case "'":
      return '&apos;'
    default:
      // Characters XML 1.0 cannot carry at all, even as references.
      return '\ufffd'
  }
}

/**
 * Escape text for XML element content or a double- or single-quoted attribute. Control
 * characters that XML 1.0 forbids become U+FFFD; tab, newline and carriage return are
 * kept (in attributes they are written as character references so they survive
 * attribute-value normalisation).
 * @internal
 */
export const escapeXml = (text: string, attribute = false): string => {
  if (!needsXmlEscape.test(text)) return text
  const escaped = text.replace(xmlUnsafe, xmlReplacement)
  return attribute ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : escaped.replace(/\r/g, '&#13;')
}

// Bidirectional embeddings, overrides and isolates, and invisible marks: in a label
// they can reorder the text around them and disguise what a diagram says.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

// eslint-disable-next-line no-control-regex
const needsCleaning = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** The longest label a diagram shows before shortening it with an ellipsis. @internal */
export const maxLabelLength = 120

/**
 * Prepare a name for display in a diagram: remove bidirectional controls, turn control
 * characters and line breaks into spaces, and shorten to {@link maxLabelLength}
 * characters (code points).
 * @internal
 */
export const displayText = (text: string, limit = maxLabelLength): string => {
  if (text.length <= limit && !needsCleaning.test(text)) return text
  const clean = text.replace(bidiControls, '').replace(controls, ' ')
  const codePoints = Array.from(clean)
  return codePoints.length > limit ? `${codePoints.slice(0, limit - 1).join('')}…` : clean
}

/** Join list values with `|`, escaping `\` and `|` inside values with a backslash. @internal */
export const joinList = (values: ReadonlyArray<string>): string =>
  values.map((value) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|')

/**
 * Split a `|`-separated list written by {@link joinList}. An empty text is an empty
 * list; `\|` is a literal bar and `\\` a literal backslash. Linear time.
 * @internal
 */
export const splitList = (text: string): string[] => {
  if (text === '') return []
  const values: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!
    if (character === '\\' && i + 1 < text.length) {
      current += text[i + 1]
      i++
    } else if (character === '|') {
      values.push(current)
      current = ''
    } else current += character
  }
  values.push(current)
  return values
}
