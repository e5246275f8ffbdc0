/**
 * Find the offset of the first JSON syntax error in `text`, or `undefined` if there is
 * none. Used only after `JSON.parse` has failed, to say where: V8's messages do not
 * always give a position, and they quote the input, which may hold personal data.
 * Iterative (an explicit stack of open containers), so deep nesting cannot overflow.
 * @internal
 */
export const firstSyntaxErrorOffset = (text: string): number | undefined => {
  const stack: number[] = [] // 123 '{' or 91 '['
  let i = 0
  // What may come next: a value, an object key (or '}' right after '{'), or a
  // separator (',' or the closing bracket) after a value.
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'separator' = 'value'
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const readString = (): boolean => {
    i++
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return true
      }
      if (c < 32) return false
      if (c === 92) {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2
        else return false
      } else i++
    }
    return false
  }
  const literal = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/y
  for (;;) {
    skipSpace()
    if (i >= text.length) return stack.length === 0 && expect === 'separator' ? undefined : i
    const c = text.charCodeAt(i)
    if (expect === 'colon') {
      if (c !== 58) return i
      i++
      expect = 'value'
      continue
    }
    if (expect === 'separator') {
      if (stack.length === 0) return i
      const open = stack[stack.length - 1]
      if (c === 44) {
        i++
        expect = open === 123 ? 'key' : 'value'
      } else if ((c === 125 && open === 123) || (c === 93 && open === 91)) {
        i++
        stack.pop()
        expect = 'separator'
      } else return i
      continue
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === 125 && expect === 'key-or-close') {
        i++
        stack.pop()
        expect = 'separator'
      } else if (c === 34) {
        if (!readString()) return Math.min(i, text.length)
        expect = 'colon'
      } else return i
      continue
    }
    // A value (or ']' right after '[').
    if (c === 93 && expect === 'value-or-close') {
      i++
      stack.pop()
      expect = 'separator'
    } else if (c === 123) {
      stack.push(123)
      i++
      expect = 'key-or-close'
    } else if (c === 91) {
      stack.push(91)
      i++
      expect = 'value-or-close'
    } else if (c === 34) {
      if (!readString()) return Math.min(i, text.length)
      expect = 'separator'
    } else {
      literal.lastIndex = i
      const match = literal.exec(text)
      if (match === null) return i
      i += match[0].length
      expect = 'separator'
    }
  }
}
