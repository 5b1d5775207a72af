import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {RULES} from '../../src/detectors/index.js'
import {runFileJob, WINDOWED_FROM} from '../../src/scan/file-job.js'
import {scanFileText} from '../../src/scan/file-scan.js'

// Files past WINDOWED_FROM are scanned in 4 MB windows with margins; a key across a window's edge must be
// found once, whole, at the file's line and column, as a scan of the whole text would find it.
describe('a large file scanned in windows', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outloop-windows-'))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('finds what a scan of the whole text finds, keys across window edges and PEM blocks included', () => {
    const shapes = RULES.filter((r) => !r.names && !r.multiline && r.severity !== 'low' && !r.public).slice(0, 6)
    const pem = RULES.find((r) => r.id === 'private-key')!
    const MB = 1024 * 1024
    // Plants every 300 KB, and densely around each 4 MB mark where windows meet; filler holds no keyword.
    const plantsAt = new Set<number>()
    for (let at = 0; at < WINDOWED_FROM + 4 * MB; at += 300 * 1024) plantsAt.add(at)
    for (let mark = 4 * MB; mark < WINDOWED_FROM + 4 * MB; mark += 4 * MB) for (let d = -6000; d <= 6000; d += 1500) plantsAt.add(mark + d)
    const parts: string[] = []
    let bytes = 0
    let planted = 0
    const sorted = [...plantsAt].sort((a, b) => a - b)
    for (const at of sorted) {
      while (bytes < at) {
        // Outside ASCII in the first half (characters and bytes differ), ASCII after (windows decoded as Latin-1).
        const line = `ligne ${bytes} du journal, rien ${bytes < 16 * MB ? 'à' : 'a'} signaler ici\n`
        parts.push(line)
        bytes += Buffer.byteLength(line)
      }
      const value = planted % 5 === 4 ? pem.fake() : shapes[planted % shapes.length].fake()
      const line = `  value: ${value}\n`
      parts.push(line)
      bytes += Buffer.byteLength(line)
      planted++
    }
    const text = parts.join('')
    expect(Buffer.byteLength(text)).toBeGreaterThan(WINDOWED_FROM)
    const file = join(dir, 'big.log')
    writeFileSync(file, text)

    const key = (f: {line: number; column: number; endLine: number; endColumn: number; ruleId: string; preview: string}) =>
      `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.preview}`
    const expected = scanFileText('big.log', text, undefined, {plain: true}).findings.map(key)
    expect(expected.length).toBeGreaterThanOrEqual(planted)

    const result = runFileJob({relPath: 'big.log', absPath: file}, {fingerprintKey: Buffer.alloc(32, 7), maxFileSize: 1 << 30, baselineSalt: null})
    if (result.skipped !== undefined) throw new Error(`skipped: ${result.skipped}`)
    expect(result.bytes).toBe(Buffer.byteLength(text))
    expect(result.findings.map(key)).toEqual(expected)
  })
})
