import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extractValues, FORMATS} from '../../src/formats/index.js'
import {lineIndex, positionAt} from '../../src/formats/position.js'
import {decodeSpanCandidates} from './decode-span.js'

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'formats')
const MARKER = 'ZZPLANTEDMARKERZZ'

interface Fixture {
  readonly name: string
  readonly relPath: string
  readonly text: string
}

const fixtures: Fixture[] = []
for (const format of readdirSync(ROOT).sort()) {
  for (const behaviour of readdirSync(join(ROOT, format)).sort()) {
    const dir = join(ROOT, format, behaviour)
    const input = readdirSync(dir).find((f) => f.startsWith('input'))
    if (input === undefined) continue
    const {relPath} = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {relPath: string}
    fixtures.push({name: `${format}/${behaviour}`, relPath, text: readFileSync(join(dir, input), 'utf8')})
  }
}

describe('CRLF', () => {
  for (const fixture of fixtures.filter((f) => !f.text.includes('\r'))) {
    it(`${fixture.name} reads the same with CRLF line ends`, () => {
      const crlf = fixture.text.replace(/\n/g, '\r\n')
      const lf = extractValues(fixture.relPath, fixture.text)
      const cr = extractValues(fixture.relPath, crlf)
      expect(cr.format).toBe(lf.format)
      const lfIndex = lineIndex(fixture.text)
      const crIndex = lineIndex(crlf)
      const view = (index: typeof lfIndex, v: (typeof lf.values)[number]) => ({
        name: v.name,
        path: v.path,
        start: positionAt(index, v.start),
        value: v.value.replace(/\r\n/g, '\n'),
      })
      expect(cr.values.map((v) => view(crIndex, v))).toEqual(lf.values.map((v) => view(lfIndex, v)))
      for (const v of cr.values) expect(decodeSpanCandidates(cr.format, crlf, v)).toContain(v.value)
      expect(cr.error === undefined).toBe(lf.error === undefined)
    })
  }
})

/** A broken file per format that can fail, with the marker on the broken line. */
const BROKEN: Record<string, {relPath: string; text: string; line: number}> = {
  json: {relPath: '.mcp.json', text: `{\n  "ok": "v1",\n  "key": ${MARKER}\n}\n`, line: 3},
  'docker-config': {relPath: '.docker/config.json', text: `{"auths": {"r": {"auth": "x"}},\n ${MARKER}`, line: 2},
  notebook: {relPath: 'a.ipynb', text: `{"cells": [\n  ${MARKER}: 1`, line: 2},
  yaml: {relPath: 'values.yaml', text: `a: v1\nb: "${MARKER}\n`, line: 3},
  compose: {relPath: 'docker-compose.yml', text: `services:\n  a:\n    environment: [${MARKER}\n`, line: 4},
  'github-actions': {relPath: '.github/workflows/x.yml', text: `on: push\nenv: {A: ${MARKER}\n`, line: 3},
  kubernetes: {relPath: 's.yaml', text: `kind: Secret\ndata:\n  A: '${MARKER}\n`, line: 4},
  toml: {relPath: 'config.toml', text: `a = "v1"\nb = "${MARKER}\n`, line: 2},
  dotenv: {relPath: '.env', text: `A=v1\nB="${MARKER}\n`, line: 2},
  skill: {relPath: 'SKILL.md', text: `---\nname: x\nkey: [${MARKER}\n---\nbody\n`, line: 4},
}

describe('parse errors', () => {
  for (const [format, broken] of Object.entries(BROKEN)) {
    it(`${format}: reports a position and a reason that quotes nothing from the file`, () => {
      const result = extractValues(broken.relPath, broken.text)
      expect(result.format).toBe(format)
      expect(result.error).toBeDefined()
      const error = result.error!
      expect(error.line).toBeGreaterThanOrEqual(1)
      expect(error.line).toBeLessThanOrEqual(broken.line)
      expect(error.column).toBeGreaterThanOrEqual(1)
      expect(error.reason).toMatch(/^[a-z][a-z "=,{}\][]*$/)
      expect(JSON.stringify(error)).not.toContain(MARKER)
      expect(JSON.stringify(error)).not.toContain('ZZPLANTED')
    })
  }

  it('keeps the values found before the error', () => {
    const result = extractValues('.mcp.json', `{"env": {"A": "v1"}, "b": ${MARKER}}`)
    expect(result.values.map((v) => v.value)).toContain('v1')
  })
})

describe('never throws', () => {
  const samples = [
    '',
    '\r\n',
    '"',
    "'''",
    '{',
    '[[[',
    '---\n---\n',
    'KEY="\\',
    'ENV \\\n',
    'a = {',
    '```\nA=1',
    '-----BEGIN X-----',
    '\u0000\uFFFF\uD800',
    'x'.repeat(10_000),
  ]
  for (const format of FORMATS) {
    it(`${format.id} returns a result for hostile input`, () => {
      for (const text of samples) {
        const result = format.extract(text)
        expect(result.format).toBe(format.id)
        for (const v of result.values) {
          expect(v.start).toBeGreaterThanOrEqual(0)
          expect(v.end).toBeLessThanOrEqual(text.length)
          expect(v.end).toBeGreaterThan(v.start)
        }
      }
    })
  }
})
