import {describe, expect, it} from 'vitest'

import {decodeFileText} from '../../src/scan/text-decode.js'

const TEXT = 'OPENAI_API_KEY=value\r\nNAME=café ✓\r\n'

describe('decodeFileText', () => {
  it('decodes UTF-16 with either byte-order mark, and without one when its zeros show it', () => {
    const le = Buffer.from(TEXT, 'utf16le')
    expect(decodeFileText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(TEXT)
    expect(decodeFileText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]))).toBe(TEXT)
    expect(decodeFileText(le)).toBe(TEXT)
    expect(decodeFileText(Buffer.from(le).swap16())).toBe(TEXT)
  })

  it('reads UTF-8 with a stray NUL as text, and a multi-byte character cut at the sniff boundary does not change that', () => {
    expect(decodeFileText(Buffer.from(`A=1\u0000\n${TEXT}`))).toBe(`A=1\u0000\n${TEXT}`)
    const cut = Buffer.concat([Buffer.from('\u0000'), Buffer.from('x'.repeat(7997)), Buffer.from('✓✓')])
    expect(decodeFileText(cut)).not.toBeNull()
  })

  it('calls binary what looks binary: images, executables, archives, random bytes', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)])
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000'), Buffer.from([0xb7, 0x9c, 0x5a, 0x58])])
    for (const bytes of [png, elf, zip]) expect(decodeFileText(bytes)).toBeNull()
    // A seeded generator, so a failure is repeatable.
    let seed = 12345
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff
    for (let n = 0; n < 50; n++) {
      const bytes = Buffer.from(Array.from({length: 4096}, next))
      bytes[100] = 0
      expect(decodeFileText(bytes)).toBeNull()
    }
  })

  it('reads files without NUL as UTF-8, as before', () => {
    expect(decodeFileText(Buffer.from(TEXT))).toBe(TEXT)
    expect(decodeFileText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('caf\uFFFD')
    expect(decodeFileText(Buffer.alloc(0))).toBe('')
  })
})
