import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {extractValues, FORMATS} from '../../src/formats/index.js'
import {lineIndex, positionAt} from '../../src/formats/position.js'
import {MAX_NESTING_DEPTH} from '../../src/formats/shared.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {fakeKeyOf} from '../helpers/fakes.js'
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

describe('deep nesting', () => {
  // Deep enough to overflow a recursive parser's stack, and just past the limit (the composer's own guard).
  const depths = [MAX_NESTING_DEPTH + 1, 20_000]
  const nested: Record<string, {relPath: string; make: (depth: number) => string}> = {
    'json brackets': {relPath: 'data.json', make: (n) => '['.repeat(n) + '"x"' + ']'.repeat(n)},
    'json objects': {relPath: '.mcp.json', make: (n) => '{"a":'.repeat(n) + '"x"' + '}'.repeat(n)},
    notebook: {relPath: 'a.ipynb', make: (n) => '{"cells":' + '['.repeat(n) + ']'.repeat(n) + '}'},
    'yaml flow': {relPath: 'values.yaml', make: (n) => '- ' + '['.repeat(n) + '"x"' + ']'.repeat(n)},
    'yaml block sequences': {relPath: 'values.yaml', make: (n) => '- '.repeat(n) + 'x\n'},
    'yaml block maps': {relPath: 'values.yml', make: (n) => Array.from({length: Math.min(n, 3000)}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'},
    compose: {relPath: 'docker-compose.yml', make: (n) => 'services: ' + '{a: '.repeat(n) + 'x' + '}'.repeat(n)},
    'skill frontmatter': {relPath: 'SKILL.md', make: (n) => `---\nname: ${'['.repeat(n)}${']'.repeat(n)}\n---\nbody\n`},
    toml: {relPath: 'config.toml', make: (n) => 'a = ' + '['.repeat(n) + ']'.repeat(n) + '\n'},
  }
  for (const [name, {relPath, make}] of Object.entries(nested)) {
    it(`${name}: refused as a format error, not parsed`, () => {
      for (const depth of depths) {
        if (name === 'yaml block maps' && depth > 3000) continue
        const result = extractValues(relPath, make(depth))
        expect(result.error?.reason, `${name} at depth ${depth}`).toBe('nesting too deep')
      }
    })
  }

  it('parses what nests just within the limit', () => {
    const n = MAX_NESTING_DEPTH - 1
    expect(extractValues('data.json', '['.repeat(n) + '"inner"' + ']'.repeat(n)).values.map((v) => v.value)).toEqual(['inner'])
    expect(extractValues('values.yaml', '- '.repeat(n) + 'inner\n').values.map((v) => v.value)).toEqual(['inner'])
    // Brackets inside strings and comments are not nesting.
    expect(extractValues('a.jsonc', `{"a": "${'['.repeat(5000)}", /* ${'{'.repeat(5000)} */ "b": "v"}`).error).toBeUndefined()
  })

  it('two YAML files that once aborted the process (a regex compiled at the edge of the stack) scan in turn', () => {
    // The first warms up the yaml library's line-folding regex; the second recursed until the stack ran out
    // exactly where V8 recompiled it, which is a fatal error, not an exception.
    const openai = fakeKeyOf('OpenAI')
    const a = scanFileText('a.yaml', 'env:\n  OPENAI_API_KEY: "value" : : [\n  other: {\n')
    const b = scanFileText('b.yaml', '- ' + '['.repeat(5000) + '"OPENAI_API_KEY"' + ']'.repeat(5000))
    expect(a.formatError).toBeDefined()
    expect(b.formatError?.reason).toBe('nesting too deep')
    // A too-deep file still gets the line pass.
    const c = scanFileText('c.yaml', `OPENAI_API_KEY: ${openai.key}\nx: ${'['.repeat(5000)}\n`)
    expect(c.formatError?.reason).toBe('nesting too deep')
    expect(c.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([`1:17 ${openai.rule}`])
  })
})
