import {randomBytes, randomInt} from 'node:crypto'

export const DIGITS = '0123456789'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const ALNUM = DIGITS + LOWER + UPPER
export const HEX = '0123456789abcdef'
export const BASE64URL = ALNUM + '-_'
export const BASE64 = ALNUM + '+/'

/** A random string over `alphabet` (cryptographic randomness, so generated fakes never repeat). */
export function randomString(alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/** Random bytes as base64url without padding. */
export function randomBase64Url(byteLength: number): string {
  return randomBytes(byteLength).toString('base64url')
}
