import {describe, expect, it} from 'vitest'
import {lineIndex, offsetAt, positionAt} from '../../src/formats/position.js'

describe('positionAt', () => {
  it('gives 1-based lines and columns', () => {
    const index = lineIndex('ab\ncd\n\nef')
    expect(positionAt(index, 0)).toEqual({line: 1, column: 1})
    expect(positionAt(index, 2)).toEqual({line: 1, column: 3})
    expect(positionAt(index, 3)).toEqual({line: 2, column: 1})
    expect(positionAt(index, 6)).toEqual({line: 3, column: 1})
    expect(positionAt(index, 7)).toEqual({line: 4, column: 1})
    expect(positionAt(index, 9)).toEqual({line: 4, column: 3})
  })

  it('treats CRLF as one line break, so CRLF and LF files report the same positions', () => {
    const lf = 'a=1\nbb=2\nccc=3'
    const crlf = lf.replace(/\n/g, '\r\n')
    const lfIndex = lineIndex(lf)
    const crlfIndex = lineIndex(crlf)
    for (const ch of ['1', '2', '3']) expect(positionAt(crlfIndex, crlf.indexOf(ch))).toEqual(positionAt(lfIndex, lf.indexOf(ch)))
  })

  it('clamps offsets outside the text', () => {
    const index = lineIndex('ab\ncd')
    expect(positionAt(index, -5)).toEqual({line: 1, column: 1})
    expect(positionAt(index, 99)).toEqual({line: 2, column: 3})
    expect(positionAt(lineIndex(''), 0)).toEqual({line: 1, column: 1})
  })

  it('agrees with a linear scan on every offset, and offsetAt inverts it', () => {
    const text = 'x\r\n\nlong line here\r\n\r\nend'
    const index = lineIndex(text)
    let line = 1
    let column = 1
    for (let offset = 0; offset <= text.length; offset++) {
      expect(positionAt(index, offset)).toEqual({line, column})
      expect(offsetAt(index, {line, column})).toBe(offset)
      if (text[offset] === '\n') {
        line++
        column = 1
      } else column++
    }
  })

  it('looks up a large file quickly', () => {
    const text = 'KEY=value\n'.repeat(200_000)
    const index = lineIndex(text)
    const started = performance.now()
    for (let k = 0; k < 200_000; k++) positionAt(index, k * 10 + 4)
    expect(positionAt(index, text.length - 6)).toEqual({line: 200_000, column: 5})
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
