import {describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {findKnownValues, knownValueNeedles, type KnownValue} from '../../src/scan/known-values.js'

function known(value: string, ref = 'outloop://acme/token'): KnownValue {
  return {ref, fingerprint: 'f'.repeat(32), provider: null, value: new SecretValue(value)}
}

describe('the known-value sweep', () => {
  it('finds a value inside a longer base64 blob at each of the three byte alignments, standard and url-safe', () => {
    const value = randomString(ALNUM, 40)
    const needles = knownValueNeedles([known(value)])
    for (const before of ['', 'u:', 'us:', 'use:']) {
      const blob = Buffer.from(`${before}${value}@tail`).toString('base64')
      const text = `Authorization: Basic ${blob}\nurl: ${Buffer.from(`${before}${value}@tail`).toString('base64url')}\n`
      const found = findKnownValues(text, needles)
      expect(found.map((f) => [f.line, f.encoding.startsWith('base64')])).toEqual([
        [1, true],
        [2, true],
      ])
    }
  })

  it('finds URL-encoded and JSON-escaped forms, and reports one sighting per place with 1-based positions', () => {
    const value = randomString(ALNUM, 12) + '/"+=' + randomString(ALNUM, 12)
    const needles = knownValueNeedles([known(value)])
    const text = `a\n  ?k=${encodeURIComponent(value)}\n{"x": ${JSON.stringify(value)}}\n${value}\n`
    const found = findKnownValues(text, needles)
    expect(found.map((f) => [f.line, f.column, f.encoding])).toEqual([
      [2, 6, 'url'],
      [3, 8, 'json'],
      [4, 1, 'raw'],
    ])
    for (const f of found) expect(f.preview).not.toContain(value.slice(2, 10))
  })

  it('finds the same places through the prefix map a large vault uses as through one pass per needle', () => {
    const values = Array.from({length: 200}, () => randomString(ALNUM, 32))
    const text = `x ${values[7]}\ny ${Buffer.from(values[150]).toString('base64')}\nz ${encodeURIComponent(values[199])}?\n`
    const many = knownValueNeedles(values.map((v, i) => known(v, `outloop://acme/t${i}`)))
    expect(many.byPrefix).not.toBeNull()
    const few = knownValueNeedles([7, 150, 199].map((i) => known(values[i], `outloop://acme/t${i}`)))
    expect(few.byPrefix).toBeNull()
    const where = (needles: typeof many) => findKnownValues(text, needles).map((f) => [f.ref, f.line, f.column])
    expect(where(many)).toEqual([
      ['outloop://acme/t7', 1, 3],
      ['outloop://acme/t150', 2, 3],
      ['outloop://acme/t199', 3, 3],
    ])
    expect(where(few)).toEqual(where(many))
  })

  it('skips values too short to tell from ordinary text, and finds nothing that is not there', () => {
    expect(knownValueNeedles([known('abc1234')]).list).toEqual([])
    const value = randomString(ALNUM, 32)
    expect(findKnownValues(`close: ${value.slice(0, -1)}\n`, knownValueNeedles([known(value)]))).toEqual([])
  })
})
