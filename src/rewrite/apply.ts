import {lineIndex, positionAt} from '../formats/position.js'
import type {SecretValue} from '../lib/secret-value.js'
import {RewriteError} from './errors.js'

/** The part of an edit that applying and reverting need: a span of the original text, what was there, and what replaces it. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly replacement: string
  readonly original: SecretValue
}

/** Edits in file order, refusing overlaps and spans outside the text (a plan built for another text). */
function sortedChecked(text: string, edits: readonly TextEdit[], relPath: string): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const index = lineIndex(text)
  let previousEnd = 0
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) {
      throw new RewriteError('changed', relPath, positionAt(index, Math.min(Math.max(edit.start, 0), text.length)), 'an edit lies outside the file: it was planned for other content')
    }
    if (edit.start < previousEnd) throw new RewriteError('overlap', relPath, positionAt(index, edit.start), 'two edits overlap')
    previousEnd = edit.end
  }
  return sorted
}

/**
 * Applies edits to the text they were planned for. Pure: returns the new text, and the very same string when
 * there is nothing to do. Each span must still hold exactly the planned bytes; a file edited since the plan
 * was made is refused with its path and line, never with its content.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], relPath = 'file'): string {
  if (edits.length === 0) return text
  const sorted = sortedChecked(text, edits, relPath)
  let index: ReturnType<typeof lineIndex> | undefined
  const parts: string[] = []
  let at = 0
  for (const edit of sorted) {
    if (text.slice(edit.start, edit.end) !== edit.original.reveal()) {
      index ??= lineIndex(text)
      throw new RewriteError('changed', relPath, positionAt(index, edit.start), 'the file changed since the plan was made')
    }
    parts.push(text.slice(at, edit.start), edit.replacement)
    at = edit.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** Where each edit's replacement stands in the rewritten text, in file order. */
export function rewrittenSpans(edits: readonly TextEdit[]): {start: number; end: number; edit: TextEdit}[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let shift = 0
  return sorted.map((edit) => {
    const start = edit.start + shift
    shift += edit.replacement.length - (edit.end - edit.start)
    return {start, end: start + edit.replacement.length, edit}
  })
}

/**
 * The inverse of `applyEdits`: given the rewritten text and the same edits, puts the original bytes back,
 * byte for byte. Refuses when a replacement is no longer where it was written (the file was edited since).
 */
export function revertEdits(rewritten: string, edits: readonly TextEdit[], relPath = 'file'): string {
  if (edits.length === 0) return rewritten
  const spans = rewrittenSpans(edits)
  let index: ReturnType<typeof lineIndex> | undefined
  const parts: string[] = []
  let at = 0
  for (const {start, end, edit} of spans) {
    if (start < at || end > rewritten.length || rewritten.slice(start, end) !== edit.replacement) {
      index ??= lineIndex(rewritten)
      throw new RewriteError('changed', relPath, positionAt(index, Math.min(Math.max(start, 0), rewritten.length)), 'the file changed since it was rewritten')
    }
    parts.push(rewritten.slice(at, start), edit.original.reveal())
    at = end
  }
  parts.push(rewritten.slice(at))
  return parts.join('')
}
