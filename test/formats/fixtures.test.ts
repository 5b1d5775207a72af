import {readdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extractValues} from '../../src/formats/index.js'
import {lineIndex, positionAt} from '../../src/formats/position.js'
import type {FormatResult} from '../../src/formats/types.js'
import {decodeSpanCandidates} from './decode-span.js'

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'formats')
/** Set to regenerate expected.json from the parsers; every regenerated file is then reviewed by hand. */
const UPDATE = process.env.OUTLOOP_UPDATE_FIXTURES === '1'

interface Expected {
  /** The root-relative path the input is scanned as (it picks the format). */
  readonly relPath: string
  readonly format: string
  readonly values: unknown[]
  readonly error?: {line: number; column: number; reason: string}
}

/** The comparable view of a result: positions as line/column so fixtures read like editor locations. */
function describeResult(text: string, result: FormatResult): Omit<Expected, 'relPath'> {
  const index = lineIndex(text)
  const values = result.values.map((v) => {
    const start = positionAt(index, v.start)
    const end = positionAt(index, v.end)
    return {name: v.name, path: v.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, encoding: v.encoding, value: v.value}
  })
  return result.error === undefined ? {format: result.format, values} : {format: result.format, values, error: result.error}
}

const cases: {format: string; behaviour: string; dir: string}[] = []
for (const format of readdirSync(ROOT).sort()) {
  for (const behaviour of readdirSync(join(ROOT, format)).sort()) cases.push({format, behaviour, dir: join(ROOT, format, behaviour)})
}

describe('format fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(20))

  for (const {format, behaviour, dir} of cases) {
    it(`${format}/${behaviour}`, () => {
      const input = readdirSync(dir).find((f) => f.startsWith('input'))
      expect(input, 'fixture has an input file').toBeDefined()
      const text = readFileSync(join(dir, input as string), 'utf8')
      const expectedPath = join(dir, 'expected.json')
      const previous = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected) : undefined
      const relPath = previous?.relPath ?? (input as string)
      const result = extractValues(relPath, text)
      const actual = describeResult(text, result)
      const stub = previous?.values === undefined
      if (UPDATE || stub) writeFileSync(expectedPath, `${JSON.stringify({relPath, ...actual}, null, 2)}\n`)
      expect(result.format).toBe(format)
      if (!stub && !UPDATE && previous !== undefined) expect(actual).toEqual({format: previous.format, values: previous.values, ...(previous.error ? {error: previous.error} : {})})
      // The property that catches off-by-one spans: each span decodes, per its encoding, to the value.
      for (const v of result.values) {
        expect(v.end).toBeGreaterThan(v.start)
        expect(decodeSpanCandidates(result.format, text, v), `${v.path ?? v.name} at ${v.start}`).toContain(v.value)
      }
    })
  }
})
