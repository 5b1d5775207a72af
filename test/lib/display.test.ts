import {describe, expect, it} from 'vitest'

import {escapeControlChars} from '../../src/lib/display.js'

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
