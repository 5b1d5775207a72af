import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'
import {extractValues, FORMATS} from '../../src/formats/index.js'
import {applyEdits, planFileRewrite, revertEdits, RewriteError, verifyRewrite} from '../../src/rewrite/index.js'
import type {FileRewritePlan} from '../../src/rewrite/index.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {labelNamer, leaksIn, plantTokens} from './plant.js'

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'rewrite')
/** Set to regenerate expected.json and output.* from the code; every regenerated file is then reviewed by hand. */
const UPDATE = process.env.OUTLOOP_UPDATE_FIXTURES === '1'

interface Expected {
  /** The root-relative path the input is read as (it picks the format). */
  readonly relPath: string
  readonly interpolation?: 'tool'
  readonly format?: string
  readonly edits?: string[]
  readonly wholeFile?: boolean
  /**
   * Findings a scan of the output still reports, each a known gap outside the rewrite (named in `knownGap`).
   * Asserted exactly, so the fixture fails, and must be updated, the day the gap is fixed.
   */
  readonly knownRescan?: string[]
  readonly knownGap?: string
}

function describeEdits(plan: FileRewritePlan): string[] {
  return plan.edits.map(
    (e) =>
      `${e.line}:${e.column} ${e.strategy} ${e.entry} ${e.structure}${e.requoted ? ' requoted' : ''} ${e.decodesTo}` +
      ` [${e.findings.map((f) => f.ruleId).join(',')}] ${e.reason}`,
  )
}

const cases: {format: string; behaviour: string; dir: string}[] = []
for (const format of readdirSync(ROOT).sort()) {
  for (const behaviour of readdirSync(join(ROOT, format)).sort()) cases.push({format, behaviour, dir: join(ROOT, format, behaviour)})
}

describe('rewrite fixtures', () => {
  it('cover every format the scanner parses', () => {
    const covered = new Set(cases.map((c) => c.format))
    expect(FORMATS.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([])
  })

  for (const {format, behaviour, dir} of cases) {
    describe(`${format}/${behaviour}`, () => {
      const inputName = readdirSync(dir).find((f) => f.startsWith('input')) as string
      const outputName = inputName.replace(/^input/, 'output')
      const expectedPath = join(dir, 'expected.json')
      const spec = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected
      const template = readFileSync(join(dir, inputName), 'utf8')

      const run = () => {
        const {text, keys} = plantTokens(template)
        const scan = scanFileText(spec.relPath, text)
        const plan = planFileRewrite(spec.relPath, text, scan.findings, {placeholderFor: labelNamer(keys), interpolation: spec.interpolation ?? 'never'})
        const output = applyEdits(text, plan.edits, spec.relPath)
        return {text, keys, scan, plan, output}
      }

      it('plans the expected edits and writes the expected output (the edit lands, nothing else changes)', () => {
        const {scan, plan, output, keys} = run()
        expect(scan.format).toBe(format)
        const actual = {format: plan.format, edits: describeEdits(plan), wholeFile: plan.wholeFile}
        const stub = spec.edits === undefined
        if (UPDATE || stub) {
          writeFileSync(expectedPath, `${JSON.stringify({...spec, ...actual}, null, 2)}\n`)
          writeFileSync(join(dir, outputName), output)
        } else {
          expect(actual).toEqual({format: spec.format, edits: spec.edits, wholeFile: spec.wholeFile})
        }
        expect(existsSync(join(dir, outputName)), `${outputName} is missing (OUTLOOP_UPDATE_FIXTURES=1 writes it)`).toBe(true)
        expect(output).toBe(readFileSync(join(dir, outputName), 'utf8'))
        expect(leaksIn(output, keys.values())).toEqual([])
        // Every key the scanner found in the input was planted by the fixture and is gone.
        expect(keys.size).toBeGreaterThanOrEqual(plan.edits.length > 0 ? 1 : 0)
      })

      it('verifies: still parses, same values, each rewritten value reads as its placeholder', () => {
        const {text, plan, output} = run()
        const verification = verifyRewrite(spec.relPath, text, output, plan.edits)
        const known = new Set(spec.knownRescan ?? [])
        const problems = verification.problems.filter((p) => !(p.check === 'rescan' && [...known].some((k) => k.startsWith(`${p.line}:${p.column} `))))
        expect(problems).toEqual([])
        expect(verification.ok).toBe(known.size > 0 ? verification.problems.length === 0 : true)
      })

      it('no edits gives byte-identical output, and a second run writes nothing', () => {
        const {text, output} = run()
        expect(applyEdits(text, [], spec.relPath)).toBe(text)
        const again = scanFileText(spec.relPath, output)
        expect(again.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(spec.knownRescan ?? [])
        const rescanned = again.findings.filter((f) => !(spec.knownRescan ?? []).includes(`${f.line}:${f.column} ${f.ruleId}`))
        const second = planFileRewrite(spec.relPath, output, rescanned, {placeholderFor: () => 'outloop://acme/never'})
        expect(second.edits).toEqual([])
        expect(applyEdits(output, second.edits, spec.relPath)).toBe(output)
      })

      it('stores in the vault exactly what the tool read at each edited place', () => {
        const {text, plan} = run()
        const before = extractValues(spec.relPath, text).values
        for (const edit of plan.edits) {
          const original = edit.original.reveal()
          const stored = edit.vaultValue.reveal()
          const base64 = edit.strategy === 'base64-placeholder' || (edit.strategy === 'credential-pair' && !/:/.test(original))
          if (base64) expect(Buffer.from(original, 'base64').toString('utf8'), `${edit.line}:${edit.column}`).toBe(stored)
          else if (edit.entry === 'value') expect(before.find((v) => v.start === edit.start && v.end === edit.end)?.value, `${edit.line}:${edit.column}`).toBe(stored)
          else expect(original === stored, `${edit.line}:${edit.column} holds its value verbatim`).toBe(true)
        }
      })

      it('reverts byte for byte, and the plan never shows a key', () => {
        const {text, keys, plan, output} = run()
        expect(revertEdits(output, plan.edits, spec.relPath)).toBe(text)
        expect(leaksIn(JSON.stringify(plan) + inspect(plan, {depth: 10}), keys.values())).toEqual([])
        for (const edit of plan.edits) {
          expect(edit.vaultValue.reveal().length).toBeGreaterThan(0)
          expect(leaksIn(edit.replacement + edit.reason + edit.preview, keys.values())).toEqual([])
        }
      })

      it('refuses a file changed since the plan, naming only file and line', () => {
        const {text, keys, plan} = run()
        if (plan.edits.length === 0) return
        const edit = plan.edits[plan.edits.length - 1]
        // Change one byte inside the last edit's span, as an editor would between plan and apply.
        const at = edit.start + Math.floor((edit.end - edit.start) / 2)
        const changed = text.slice(0, at) + (text[at] === 'Z' ? 'Y' : 'Z') + text.slice(at + 1)
        let caught: unknown
        try {
          applyEdits(changed, plan.edits, spec.relPath)
        } catch (error) {
          caught = error
        }
        expect(caught).toBeInstanceOf(RewriteError)
        const error = caught as RewriteError
        expect(error.kind).toBe('changed')
        expect(error.message).toContain(`${spec.relPath}:${edit.line}:`)
        expect(leaksIn(`${error.message}\n${error.stack ?? ''}\n${inspect(error)}`, keys.values())).toEqual([])
      })
    })
  }
})
