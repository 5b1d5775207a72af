import {createHash, randomBytes as cryptoRandomBytes, randomInt as cryptoRandomInt} from 'node:crypto'

export const DIGITS = '0123456789'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const ALNUM = DIGITS + LOWER + UPPER
export const HEX = '0123456789abcdef'
export const BASE64URL = ALNUM + '-_'
export const BASE64 = ALNUM + '+/'

/**
 * Where fake keys get their randomness. With OUTLOOP_FAKE_SEED set (the test suite sets it), a seeded
 * generator makes every run plant the same keys, so a test either always passes or always fails; without
 * it (example trees, the rules fuzzer), cryptographic randomness, so generated fakes never repeat.
 */
let seeded: (() => number) | null | undefined

/** sfc32: small, fast and well distributed; seeded from SHA-256 of the seed text. */
function sfc32(seed: string): () => number {
  const words = createHash('sha256').update(seed).digest()
  let a = words.readUInt32LE(0)
  let b = words.readUInt32LE(4)
  let c = words.readUInt32LE(8)
  let d = words.readUInt32LE(12)
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

function seededSource(): (() => number) | null {
  if (seeded === undefined) seeded = process.env.OUTLOOP_FAKE_SEED ? sfc32(process.env.OUTLOOP_FAKE_SEED) : null
  return seeded
}

/** A random integer in [0, max). */
export function randomIndex(max: number): number {
  const source = seededSource()
  return source ? Math.floor(source() * max) : cryptoRandomInt(max)
}

/** A random number in [0, 1), for coin flips between key variants. */
export function randomFraction(): number {
  return randomIndex(2 ** 30) / 2 ** 30
}

/** Random bytes (seeded in tests, like every other fake). */
export function randomBytesForFake(length: number): Buffer {
  if (!seededSource()) return cryptoRandomBytes(length)
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = randomIndex(256)
  return bytes
}

/** A random string over `alphabet`. */
export function randomString(alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomIndex(alphabet.length)]
  return out
}

/** Random bytes as base64url without padding. */
export function randomBase64Url(byteLength: number): string {
  return randomBytesForFake(byteLength).toString('base64url')
}
