import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {buildAgencyTree, type AgencyTreeTruth} from '../../scripts/lib/agency-tree.js'
import {FAKE_PROVIDERS, checksummedToken, crc32Ascii, verifyChecksummedToken} from '../../scripts/lib/fake-providers.js'

// The accuracy evaluation trusts this truth; if it drifted from the files, every figure it prints would be wrong.
describe('the agency tree oracle', () => {
  let dir: string
  let scanRoot: string
  let truth: AgencyTreeTruth
  const texts = new Map<string, string>()
  const textOf = (file: string): string => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(scanRoot, file), 'utf8'))
    return texts.get(file)!
  }
  /** Offset of a 1-based line/column in a text. */
  const offsetOf = (text: string, line: number, column: number): number => {
    let offset = 0
    for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1
    return offset + column - 1
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outloop-tree-'))
    ;({scanRoot, truth} = buildAgencyTree(dir, {seed: 3}))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('puts every planted secret at its line and column', () => {
    expect(truth.secrets.length).toBeGreaterThan(200)
    for (const s of truth.secrets) {
      const text = textOf(s.file)
      const start = offsetOf(text, s.line, s.column)
      const end = offsetOf(text, s.endLine, s.endColumn)
      const span = text.slice(start, end)
      const decoded = s.encoding === 'base64' ? Buffer.from(span, 'base64').toString('utf8') : span
      expect(decoded === s.value, `${s.file}:${s.line}:${s.column} ${s.oracle}`).toBe(true)
    }
  })

  it('puts every decoy at its line and column', () => {
    for (const d of truth.decoys) {
      const text = textOf(d.file)
      const start = offsetOf(text, d.line, d.column)
      expect(text.slice(start, start + d.value.length) === d.value, `${d.file}:${d.line} ${d.kind}`).toBe(true)
    }
  })

  it('plants every provider and the situations a scanner must report', () => {
    const oracles = new Set(truth.secrets.map(s => s.oracle))
    for (const p of FAKE_PROVIDERS) {
      expect(oracles.has(p.id), p.id).toBe(true)
    }
    const types = new Set(truth.risks.map(r => r.type))
    for (const t of ['duplicate', 'cross-client', 'shared-area', 'foreign-tenant']) expect(types.has(t as never), t).toBe(true)
    const copied = truth.risks.find(r => r.type === 'foreign-tenant' && r.withKey)!
    const skill = textOf(copied.file!)
    expect(skill).toContain(`${copied.owner}-store.myshopify.com`)
    expect(skill).toContain(`${copied.owner}.slack.com`)
    const ownerKey = truth.secrets.find(s => s.file === copied.file)!
    expect(truth.secrets.some(s => s.value === ownerKey.value && s.tenant === copied.owner)).toBe(true)
    expect(truth.secrets.some(s => s.tenant === null && s.file.startsWith('_templates/'))).toBe(true)
    expect(truth.secrets.some(s => s.tenant === null && s.file.startsWith('_skills/'))).toBe(true)
  })

  it('lists every file it wrote, including hidden, ignored and binary ones', () => {
    const walk = (d: string): number => readdirSync(d).reduce((n, e) => n + (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : 1), 0)
    expect(walk(scanRoot)).toBe(truth.files)
    expect(statSync(join(scanRoot, 'acme/.git/HEAD')).isFile()).toBe(true)
    expect(statSync(join(scanRoot, 'acme/node_modules/some-sdk/index.js')).isFile()).toBe(true)
  })

  it('is rebuilt from scratch on a second run, with fresh values', () => {
    const before = truth.secrets.map(s => s.value)
    const again = buildAgencyTree(dir, {seed: 3}).truth
    expect(again.secrets.map(s => `${s.file}:${s.line}`)).toEqual(truth.secrets.map(s => `${s.file}:${s.line}`))
    expect(again.secrets.filter(s => before.includes(s.value))).toEqual([])
    texts.clear()
    truth = again
  })
})

describe('the fake providers', () => {
  it('computes CRC-32 as zlib does', () => {
    expect(crc32Ascii('hello world')).toBe(0x0d4a1185)
  })

  it("gives GitHub and npm tokens GitHub's checksum", () => {
    for (let i = 0; i < 50; i++) {
      const token = checksummedToken('ghp_')
      expect(token).toMatch(/^ghp_[A-Za-z0-9]{36}$/)
      expect(verifyChecksummedToken(token)).toBe(true)
      // One changed character in the body breaks the checksum.
      const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11)
      expect(verifyChecksummedToken(flipped)).toBe(false)
    }
  })

  it('makes values in each provider format, never the same twice', () => {
    for (const p of FAKE_PROVIDERS) {
      const a = p.make()
      expect(a).not.toBe(p.make())
      expect(a.length, p.id).toBeGreaterThanOrEqual(20)
    }
  })
})
