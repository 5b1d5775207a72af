import {describe, expect, it} from 'vitest'

import {createOutputMasker} from '../../src/broker/mask.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'

describe('output masker', () => {
  it('masks values however the output is cut into chunks', () => {
    const a = 'sk-' + randomString(ALNUM, 30)
    const b = 'xoxb-' + randomString(ALNUM, 20)
    const masker = () => createOutputMasker([{value: new SecretValue(a), label: '[A]'}, {value: new SecretValue(b), label: '[B]'}])
    const text = `start ${a} mid ${b}${a} é ${a.slice(0, 10)} end s`
    const expected = `start [A] mid [B][A] é ${a.slice(0, 10)} end s`
    const bytes = Buffer.from(text)
    // Every single cut point, then cuts at every byte.
    for (let cut = 0; cut <= bytes.length; cut++) {
      const m = masker()
      const out = Buffer.concat([m.push(bytes.subarray(0, cut)), m.push(bytes.subarray(cut)), m.flush()]).toString()
      expect(out).toBe(expected)
    }
    const m = masker()
    const pieces: Buffer[] = []
    for (const byte of bytes) {
      const piece = m.push(Buffer.from([byte]))
      pieces.push(piece)
      expect(Buffer.concat(pieces).toString('latin1').includes(a)).toBe(false)
    }
    pieces.push(m.flush())
    expect(Buffer.concat(pieces).toString()).toBe(expected)
  })

  it('holds back only what could start a value', () => {
    const m = createOutputMasker([{value: new SecretValue('sk-abcdef'), label: '[A]'}])
    expect(m.push(Buffer.from('hello sk-ab')).toString()).toBe('hello ')
    expect(m.push(Buffer.from('x\n')).toString()).toBe('sk-abx\n')
  })
})
