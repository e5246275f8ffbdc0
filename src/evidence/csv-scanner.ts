import { grown } from '../graph/grow.js'

const quote = 34
const lineFeed = 10
const carriageReturn = 13
const space = 32
const tab = 9

// Where the scanner is within a record.
const cellStart = 0
const unquoted = 1
const quoted = 2
const afterQuote = 3

/**
 * Splits CSV text that arrives in pieces into records, in one pass over each character
 * and without an array or object per record: the cells of the current record are
 * offsets into the text, and a cell becomes a string only when {@link CsvScanner.cell}
 * asks for it (a free-text column that is never read is never copied).
 *
 * RFC 4180 with the leniency of papaparse: a record ends at a line feed outside quotes
 * (a carriage return before it belongs to the line end); a cell that starts with `"` is
 * quoted, `""` inside it is one `"`, and spaces, tabs or a carriage return may follow
 * its closing quote; a `"` inside an unquoted cell is text. A record whose quoting is
 * broken (text after a closing quote, a quote never closed) is marked
 * {@link CsvScanner.malformed}; it ends at its line end all the same, so the records
 * after it keep their numbers. State is kept between pieces, so a record may be cut
 * anywhere, even inside quotes. O(length of the text).
 * @internal
 */
export class CsvScanner {
  private text = ''
  private position = 0
  private recordStart = 0
  private state = cellStart
  private fieldStart = 0
  private closingQuote = 0
  private escaped = false
  private starts: Int32Array = new Int32Array(16)
  private ends: Int32Array = new Int32Array(16)
  /** Per cell: 0 as written, 1 quoted, 2 quoted with `""` inside. */
  private kinds: Uint8Array = new Uint8Array(16)
  /** How many cells the current record has. */
  count = 0
  /** Whether the current record's quoting is broken. */
  malformed = false
  /** Whether the cells are those of a record {@link next} gave (forgotten at the next call). */
  private complete = false

  constructor(private readonly delimiter: number) {}

  /** Add the next piece of text; records that end in it are then given by {@link next}. */
  append(piece: string): void {
    if (this.complete) this.release()
    if (this.recordStart > 0) {
      // Keep only the record not yet complete, with its offsets moved to the new start.
      const shift = this.recordStart
      this.text = this.text.slice(shift)
      this.position -= shift
      this.fieldStart -= shift
      this.closingQuote -= shift
      for (let i = 0; i < this.count; i++) {
        this.starts[i]! -= shift
        this.ends[i]! -= shift
      }
      this.recordStart = 0
    }
    // Joined, not `+`: V8 reads a concatenated string a character at a time several times
    // slower. Pieces that start where a record does (as the CSV reader gives) need neither.
    this.text = this.text === '' ? piece : [this.text, piece].join('')
  }

  /**
   * Move to the next complete record: `true` when there is one, `false` when the text
   * given so far holds no more (with `final`, the text has ended: a last record without
   * a line end is then complete).
   */
  next(final = false): boolean {
    if (this.complete) this.release()
    const text = this.text
    const length = text.length
    const delimiter = this.delimiter
    let position = this.position
    let state = this.state
    while (position < length) {
      if (state === cellStart) {
        this.fieldStart = position
        if (text.charCodeAt(position) === quote) {
          state = quoted
          this.escaped = false
          position++
          continue
        }
        state = unquoted
      }
      if (state === unquoted) {
        let code = text.charCodeAt(position)
        while (code !== delimiter && code !== lineFeed) {
          if (++position === length) break
          code = text.charCodeAt(position)
        }
        if (position === length) break
        const cellEnd = code === lineFeed && position > this.fieldStart && text.charCodeAt(position - 1) === carriageReturn ? position - 1 : position
        this.push(this.fieldStart, cellEnd, 0)
        state = cellStart
        position++
        if (code === lineFeed) return this.finishRecord(position)
        continue
      }
      if (state === quoted) {
        const next = text.indexOf('"', position)
        if (next < 0) {
          position = length
          break
        }
        if (next + 1 === length && !final) {
          // Whether this quote closes the cell or starts a `""` shows only in the next piece.
          position = next
          break
        }
        if (text.charCodeAt(next + 1) === quote) {
          this.escaped = true
          position = next + 2
          continue
        }
        this.closingQuote = next
        state = afterQuote
        position = next + 1
        continue
      }
      // After a closing quote: blanks, then a delimiter or a line end.
      const code = text.charCodeAt(position)
      if (code === delimiter || code === lineFeed) {
        this.push(this.fieldStart + 1, this.closingQuote, this.escaped ? 2 : 1)
        state = cellStart
        position++
        if (code === lineFeed) return this.finishRecord(position)
        continue
      }
      if (code === space || code === tab || code === carriageReturn) {
        position++
        continue
      }
      // Text after a closing quote: the cell is broken; read on to its end as written.
      this.malformed = true
      state = unquoted
    }
    this.position = position
    this.state = state
    if (!final || (position === this.recordStart && state === cellStart && this.count === 0)) return false
    // The text ends inside a record: close it.
    if (state === quoted) {
      // A quote never closed: the cell is the rest of the text, as papaparse reads it.
      this.malformed = true
      this.push(this.fieldStart + 1, length, 0)
    } else if (state === afterQuote) this.push(this.fieldStart + 1, this.closingQuote, this.escaped ? 2 : 1)
    else this.push(state === unquoted ? this.fieldStart : length, length, 0)
    return this.finishRecord(length)
  }

  /** Cell `index` of the current record as text (`''` past its last cell). */
  cell(index: number): string {
    if (index >= this.count) return ''
    const text = this.text.slice(this.starts[index]!, this.ends[index]!)
    return this.kinds[index] === 2 ? text.replaceAll('""', '"') : text
  }

  /** Whether cell `index` of the current record is empty or only blanks (as `trim` sees them). */
  isBlank(index: number): boolean {
    const start = this.starts[index]!
    const end = this.ends[index]!
    for (let i = start; i < end; i++) {
      const code = this.text.charCodeAt(i)
      // Beyond ASCII blanks, let `trim` decide (it knows the Unicode spaces).
      if (code !== space && (code < tab || code > carriageReturn)) return this.cell(index).trim() === ''
    }
    return true
  }

  private push(start: number, end: number, kind: number): void {
    if (this.count === this.starts.length) {
      const size = this.count * 2
      this.starts = grown(this.starts, size)
      this.ends = grown(this.ends, size)
      this.kinds = grown(this.kinds, size)
    }
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.kinds[this.count] = kind
    this.count++
  }

  /** Forget the record last given. */
  private release(): void {
    this.recordStart = this.position
    this.count = 0
    this.malformed = false
    this.complete = false
  }

  private finishRecord(position: number): boolean {
    this.position = position
    this.state = cellStart
    this.complete = true
    return true
  }
}
