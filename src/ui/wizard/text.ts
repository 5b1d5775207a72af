import {formatCount} from '../../lib/display.js'

/**
 * How the wizard lays out its words. Ink wraps hard (a word longer than the line is cut in two) and keeps the
 * space a line was broken at as the next line's first character; the wizard wraps itself instead, so a word
 * is never split and a command the person may copy (`outloop connect …`) stays on one line.
 */

/** Columns a string takes: the wizard's text is single-width (letters, arrows, dots, box marks). */
export function textWidth(text: string): number {
  return [...text].length
}

/** `n thing` or `n things`: "1 file", "2 files", "1 vault entry". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

// A command runs from `outloop <subcommand>` to the end of the text or to the word that ends its clause.
const CLAUSE_END = /[.;,)]$/
// outloop's commands (src/commands/): only these start a command, so prose that names outloop ("outloop cannot
// recover it") is wrapped like any other words.
const SUBCOMMANDS = new Set(['audit', 'baseline', 'check', 'connect', 'disconnect', 'hook', 'init', 'migrate', 'policy', 'rollback', 'run', 'scan', 'serve', 'status', 'vault'])

/**
 * The words of a line, each command (`outloop` then one of its subcommands, up to the end of its clause)
 * kept as one word, so it is never wrapped.
 */
export function wrapUnits(text: string): string[] {
  const words = text.split(' ').filter((w) => w !== '')
  const units: string[] = []
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'outloop' || !SUBCOMMANDS.has(words[i + 1] ?? '')) {
      units.push(words[i])
      continue
    }
    let end = i + 1
    while (end < words.length - 1 && !CLAUSE_END.test(words[end])) end++
    units.push(words.slice(i, end + 1).join(' '))
    i = end
  }
  return units
}

/**
 * `text` wrapped at word boundaries within `width` columns, a line per `\n` kept. A line's leading indent
 * is repeated on the lines it wraps to. A word (or command) wider than the line is never cut: it gets a line
 * of its own and runs past the edge.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    const indent = /^ */.exec(paragraph)![0]
    const room = Math.max(1, width - indent.length)
    let line = ''
    for (const unit of wrapUnits(paragraph)) {
      if (line === '') line = unit
      else if (textWidth(line) + 1 + textWidth(unit) <= room) line += ` ${unit}`
      else {
        lines.push(indent + line)
        line = unit
      }
    }
    lines.push(indent + line)
  }
  return lines
}

/** The key help as lines of whole items (`enter next`, `q cancel`) joined by ` · `, none split, none dropped. */
export function wrapKeyItems(items: readonly string[], width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    if (line === '') line = item
    else if (textWidth(line) + 3 + textWidth(item) <= width) line += ` · ${item}`
    else {
      lines.push(line)
      line = item
    }
  }
  if (line !== '') lines.push(line)
  return lines
}
