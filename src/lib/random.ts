import {createHash, randomBytes as cryptoRandomBytes, randomInt as cryptoRandomInt} from 'node:crypto'

export const DIGITS = '0123456789'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const ALNUM = DIGITS + LOWER + UPPER
export const HEX = '0123456789abcdef'
export const BASE64URL = ALNUM + '-_'
export const BASE64 = ALNUM + '+/'

/**
 * Where fake keys get their randomness: cryptographic randomness unless a seed is given (`seedFakeRandomness`,
 * which the test suite's setup calls), so a test run plants the same keys every time and either always passes or
 * always fails. Nothing here reads the environment: the rules that use it ship in the CLI.
 */
let seeded: (() => number) | null = null

/** Makes every fake from now on come from a generator seeded with `seed` (null: back to cryptographic randomness). */
export function seedFakeRandomness(seed: string | null): void {
  seeded = seed === null ? null : sfc32(seed)
}

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
