import {describe, expect, it} from 'vitest'

import {escapeControlChars, formatCount} from '../../src/lib/display.js'

describe('escapeControlChars', () => {
  it('makes every character a terminal acts on visible', () => {
    expect(escapeControlChars('a\nb\rc\td')).toBe('a\\nb\\rc\\td')
    expect(escapeControlChars('\u001b]0;title\u0007\u001b[2J')).toBe('\\x1b]0;title\\x07\\x1b[2J')
    expect(escapeControlChars('\u0000\u007f\u009b\u0085')).toBe('\\x00\\x7f\\x9b\\x85')
    expect(escapeControlChars('exe\u202egnp.env\u2066\u2028')).toBe('exe\\u{202e}gnp.env\\u{2066}\\u{2028}')
    for (let code = 0; code < 0x10000; code++) {
      const shown = escapeControlChars(`x${String.fromCharCode(code)}y`)
      expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/)
    }
  })

  it('leaves ordinary text, accents and emoji as they are', () => {
    for (const text of ['acme/.env', 'Acme Corp/notes – café.md', '客户/配置.yaml', 'a b/😀.txt', '']) expect(escapeControlChars(text)).toBe(text)
  })
})

describe('formatCount', () => {
  it("writes whole numbers as toLocaleString('en-US') does, without loading Intl", () => {
    const values = [0, 1, -1, 7, 12, 999, 1000, -1000, 1001, 9999, 10000, 65536, 100000, 999999, 1000000, 1234567, -1234567, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, -0.25, 1e21]
    for (let n = 1; n < 1e15; n *= 7) values.push(n, n + 1, -n)
    for (const n of values) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'))
  })
})
