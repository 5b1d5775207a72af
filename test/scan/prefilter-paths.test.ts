import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {buildAgencyTree} from '../../scripts/lib/agency-tree.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {decodeFileText} from '../../src/scan/text-decode.js'

/** Every file under `dir` (no folder is skipped: fixtures under node_modules or .git are fixtures too). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

/** A file's findings as comparable text: position, rule, name, preview, format (no values). */
function findingsOf(relPath: string, text: string, bytes?: Uint8Array): string[] {
  return scanFileText(relPath, text, bytes).findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.name} ${f.preview} ${f.format} ${f.allowed}`)
}

// The pre-filter reads a file's UTF-8 bytes through WebAssembly when they map one to one onto its characters,
// and the string through JavaScript otherwise: both must find exactly the same, file by file.
describe('the keyword pre-filter, bytes through WebAssembly and text through JavaScript', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outloop-prefilter-'))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('finds the same in every fixture file and every file of the example tree', () => {
    const {scanRoot} = buildAgencyTree(dir, {seed: 1})
    const roots = [join(import.meta.dirname, '../fixtures'), scanRoot]
    let compared = 0
    let withFindings = 0
    for (const root of roots) {
      for (const file of filesUnder(root)) {
        const bytes = readFileSync(file)
        const text = decodeFileText(bytes)
        if (text === null || text.length !== bytes.length) continue
        const relPath = relative(root, file).split('\\').join('/')
        const fast = findingsOf(relPath, text, bytes)
        expect(fast, relPath).toEqual(findingsOf(relPath, text))
        compared++
        if (fast.length > 0) withFindings++
      }
    }
    // The comparison is worth something only if the corpus exercised it.
    expect(compared).toBeGreaterThan(300)
    expect(withFindings).toBeGreaterThan(50)
  })
})
