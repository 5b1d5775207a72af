import type {FileFormat, LocatedValue} from './types.js'
import {extractJsonValues} from './json.js'
import type {JsonStringHook} from './json.js'
import {locatedValue} from './shared.js'
import {findCodeAssignments} from './source.js'

const JSON_ESCAPES: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"'}

/**
 * Decodes a JSON string body and records, for each decoded code unit, the offset of its source in the body,
 * so a value found in the decoded code maps back to exact bytes of the file (`map` has one extra end entry).
 */
export function decodeJsonBodyWithMap(raw: string): {decoded: string; map: number[]} {
  let decoded = ''
  const map: number[] = []
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === '\\') {
      const e = raw[i + 1]
      if (e === 'u') {
        decoded += String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16))
        map.push(i)
        i += 6
      } else {
        decoded += JSON_ESCAPES[e] ?? e
        map.push(i)
        i += 2
      }
    } else {
      decoded += raw[i]
      map.push(i)
      i++
    }
  }
  map.push(raw.length)
  return {decoded, map}
}

/** Is this string a line of cell source or of text output (not metadata)? */
function isCellText(segments: readonly (string | number)[]): boolean {
  if (segments[0] !== 'cells' || typeof segments[1] !== 'number') return false
  const rest = segments.slice(2).filter((s) => typeof s !== 'number')
  return (
    (rest.length === 1 && rest[0] === 'source') ||
    (rest.length === 2 && rest[0] === 'outputs' && rest[1] === 'text') ||
    (rest.length === 3 && rest[0] === 'outputs' && rest[1] === 'data' && rest[2] === 'text/plain')
  )
}

const notebookHook: JsonStringHook = (context, fallback) => {
  if (!isCellText(context.segments)) return []
  const {text} = context
  const {decoded, map} = decodeJsonBodyWithMap(text.slice(fallback.start, fallback.end))
  const found: LocatedValue[] = []
  const toValue = (name: string, s: number, e: number, value: string): LocatedValue =>
    locatedValue(text, {name, path: fallback.path, value, start: fallback.start + map[s], end: fallback.start + map[e]})
  for (const a of findCodeAssignments(decoded, 'python')) found.push(toValue(a.name, a.start, a.end, a.value))
  // IPython's `%env NAME=value` magic sets a variable without any Python literal.
  const magic = /^[ \t]*%env[ \t]+([A-Za-z_]\w*)[= \t][ \t]*(\S+)/gm
  for (let m = magic.exec(decoded); m !== null; m = magic.exec(decoded)) {
    const s = m.index + m[0].length - m[2].length
    found.push(toValue(m[1], s, s + m[2].length, m[2]))
  }
  return found
}

/** Jupyter notebooks: assignments in cell sources and text outputs, located inside the JSON string literals. */
export const notebookFormat: FileFormat = {
  id: 'notebook',
  syntax: 'notebook', decodes: true,
  matches: (relPath) => /\.ipynb$/i.test(relPath),
  extract: (text) => extractJsonValues(text, 'notebook', notebookHook),
}
