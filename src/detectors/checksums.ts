import {ALNUM, randomString} from '../lib/random.js'

/** GitHub's base62 alphabet: digits, then upper case, then lower case (not the order of `ALNUM`). */
const GITHUB_BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const GITHUB_ENTROPY_LENGTH = 30
const GITHUB_CHECKSUM_LENGTH = 6

let crcTable: Uint32Array | undefined

function crc32Table(): Uint32Array {
  if (crcTable) return crcTable
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  crcTable = table
  return table
}

/** CRC-32 (IEEE, as zlib) of an ASCII string. */
export function crc32Ascii(text: string): number {
  const table = crc32Table()
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++) crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function githubBase62(value: number): string {
  let out = ''
  let n = value
  while (n > 0) {
    out = GITHUB_BASE62[n % 62] + out
    n = Math.floor(n / 62)
  }
  return out.padStart(GITHUB_CHECKSUM_LENGTH, '0')
}

/**
 * Whether a `gh?_` token's last six characters are the base62 CRC-32 of its 30 random characters
 * (GitHub's published 2021 format). Tokens of another length carry no checksum we know and pass.
 */
export function githubChecksumValid(token: string): boolean {
  const underscore = token.indexOf('_')
  const body = token.slice(underscore + 1)
  if (body.length !== GITHUB_ENTROPY_LENGTH + GITHUB_CHECKSUM_LENGTH) return true
  const entropy = body.slice(0, GITHUB_ENTROPY_LENGTH)
  return githubBase62(crc32Ascii(entropy)) === body.slice(GITHUB_ENTROPY_LENGTH)
}

/** A fresh GitHub-style token with a valid checksum, e.g. `fakeGithubToken('ghp')`. */
export function fakeGithubToken(prefix: string): string {
  const entropy = randomString(ALNUM, GITHUB_ENTROPY_LENGTH)
  return `${prefix}_${entropy}${githubBase62(crc32Ascii(entropy))}`
}
