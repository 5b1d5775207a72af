/** Start offsets of each line: computed once per file so each lookup is a binary search, not a rescan. */
export interface LineIndex {
  readonly lineStarts: readonly number[]
  readonly length: number
}

/** A 1-based line and column (columns count UTF-16 code units, like editors' and SARIF's defaults). */
export interface Position {
  readonly line: number
  readonly column: number
}

/** Builds the line-start index of `text`; `\r\n` and `\n` end lines, so CRLF files get the same lines as LF ones. */
export function lineIndex(text: string): LineIndex {
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  return {lineStarts, length: text.length}
}

/** The 1-based line and column of `offset` (clamped to the text) in O(log n). */
export function positionAt(index: LineIndex, offset: number): Position {
  const target = Math.max(0, Math.min(offset, index.length))
  const starts = index.lineStarts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid] <= target) low = mid
    else high = mid - 1
  }
  return {line: low + 1, column: target - starts[low] + 1}
}

/** The offset of a 1-based line and column, the inverse of `positionAt` (clamped to the text). */
export function offsetAt(index: LineIndex, position: Position): number {
  const line = Math.max(1, Math.min(position.line, index.lineStarts.length))
  return Math.min(index.lineStarts[line - 1] + Math.max(0, position.column - 1), index.length)
}
