/**
 * Text helpers shared by the writers: XML escaping, ids that every format can carry,
 * and display-safe labels.
 * @internal
 */

// Lone surrogates: UTF-8 cannot encode them (a writer would turn each into U+FFFD).
const loneSurrogate = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'
// What XML 1.0 cannot carry at all, not even as a character reference.
const forbiddenInXml = `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|${loneSurrogate}`

const xmlUnsafe = new RegExp(`[&<>"']|${forbiddenInXml}`, 'g')
const needsXmlEscape = new RegExp(`[&<>"'\\u0000-\\u001f\\ufffe\\uffff\\ud800-\\udfff]`)
const forbidden = new RegExp(forbiddenInXml, 'g')
const hasForbidden = new RegExp(forbiddenInXml)

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
 * Escape text for XML element content or a double- or single-quoted attribute.
 * Characters that XML 1.0 forbids (C0 controls other than tab, newline and carriage
 * return; U+FFFE, U+FFFF) and lone surrogates (which UTF-8 cannot encode) become
 * U+FFFD; tab, newline and carriage return are kept (in attributes they are written as
 * character references so they survive attribute-value normalisation). For text only:
 * ids go through {@link carriableIds} first, so that two ids never become one.
 * @internal
 */
export const escapeXml = (text: string, attribute = false): string => {
  if (!needsXmlEscape.test(text)) return text
  const escaped = text.replace(xmlUnsafe, xmlReplacement)
  return attribute ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : escaped.replace(/\r/g, '&#13;')
}

/** Replace what XML or UTF-8 cannot carry (see {@link escapeXml}) with U+FFFD. @internal */
export const carriableText = (text: string): string => (hasForbidden.test(text) ? text.replace(forbidden, '\ufffd') : text)

// Every match of `forbidden` is one UTF-16 code unit.
const codeUnit = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * Ids as text that XML and UTF-8 can carry, one id space at a time (actors, channels…),
 * without ever making two ids one: an id with a character XML cannot carry (see
 * {@link escapeXml}) has it written as `\uXXXX` (each code unit), and if that text is
 * another id of the space (or another escaped id's text) it gets `~2`, `~3`, ….
 * Every other id is kept as it is and is reserved first. The model decoder refuses such
 * ids, so this only matters for models built in code. Returns the mapping, which gives
 * an id not in `ids` its escaped text. O(total length of the ids).
 * @internal
 */
export const carriableIds = (ids: Iterable<string>): ((id: string) => string) => {
  const escaped = new Map<string, string>()
  const unsafe: string[] = []
  const taken = new Set<string>()
  for (const id of ids) {
    if (hasForbidden.test(id)) unsafe.push(id)
    else taken.add(id)
  }
  const counters = new Map<string, number>()
  for (const id of unsafe) {
    if (escaped.has(id)) continue
    const base = id.replace(forbidden, codeUnit)
    let text = base
    // Counting on from the last suffix given for this text keeps many collisions linear.
    for (let suffix = counters.get(base) ?? 2; taken.has(text); suffix++) {
      text = `${base}~${suffix}`
      counters.set(base, suffix + 1)
    }
    taken.add(text)
    escaped.set(id, text)
  }
  return (id) => escaped.get(id) ?? (hasForbidden.test(id) ? id.replace(forbidden, codeUnit) : id)
}

/**
 * JSON text for embedding in XML: `JSON.stringify` already escapes C0 controls and lone
 * surrogates; U+FFFE and U+FFFF are escaped too, so the text survives {@link escapeXml}
 * unchanged in meaning. @internal
 */
export const jsonForXml = (value: unknown): string => JSON.stringify(value).replace(/[\ufffe\uffff]/g, (character) => codeUnit(character))

// Bidirectional embeddings, overrides and isolates, and invisible marks: in a label
// they can reorder the text around them and disguise what a diagram says.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

// eslint-disable-next-line no-control-regex
const needsCleaning = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/

/** The longest label a diagram shows before shortening it with an ellipsis. @internal */
export const maxLabelLength = 120

/**
 * Prepare a name for display in a diagram: remove bidirectional controls, turn control
 * characters and line breaks into spaces, U+FFFE, U+FFFF and lone surrogates (which
 * neither XML nor UTF-8 can carry) into U+FFFD, and shorten to {@link maxLabelLength}
 * characters (code points).
 * @internal
 */
export const displayText = (text: string, limit = maxLabelLength): string => {
  if (text.length <= limit && !needsCleaning.test(text)) return text
  const clean = carriableText(text.replace(bidiControls, '').replace(controls, ' '))
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

/** The widest line of a wrapped diagram label, in characters. @internal */
export const labelLineWidth = 22

/**
 * Wrap text onto lines of at most `width` characters (code points) at spaces; a word
 * longer than a line is cut. For diagram labels, so a long name makes a taller box
 * rather than a wide one whose text may overflow under another font. @internal
 */
export const wrapWords = (text: string, width = labelLineWidth): ReadonlyArray<string> => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter((part) => part !== '')) {
    let rest = Array.from(word)
    while (rest.length > width) {
      if (line !== '') lines.push(line)
      lines.push(rest.slice(0, width).join(''))
      line = ''
      rest = rest.slice(width)
    }
    const piece = rest.join('')
    if (line === '') line = piece
    else if (Array.from(line).length + 1 + rest.length <= width) line = `${line} ${piece}`
    else {
      lines.push(line)
      line = piece
    }
  }
  if (line !== '') lines.push(line)
  return lines.length === 0 ? [''] : lines
}
