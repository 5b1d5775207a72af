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

  it('skips values too short to tell from ordinary text, and finds nothing that is not there', () => {
    expect(knownValueNeedles([known('abc1234')])).toEqual([])
    const value = randomString(ALNUM, 32)
    expect(findKnownValues(`close: ${value.slice(0, -1)}\n`, knownValueNeedles([known(value)]))).toEqual([])
  })
})
