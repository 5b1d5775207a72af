import {isUtf8} from 'node:buffer'

/** Bytes looked at to tell binary from text, as git and ripgrep look at the start of a file. */
const SNIFF_BYTES = 8000
/** Of the bytes looked at, the share of NULs and other control bytes above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1

/**
 * The text of a file's bytes, or null for a binary file. UTF-16 with a byte-order mark (what Windows
 * PowerShell writes with `>`, and Notepad's "Unicode") is decoded, little- or big-endian, and so is UTF-16
 * without one where its zeros give it away; anything else is
 * read as UTF-8, invalid sequences becoming replacement characters (keys are ASCII, so a Latin-1 note is
 * still searched). A NUL alone does not make a file binary: a `.env` with a stray NUL is still a `.env`.
 * Binary is what looks like it: many control bytes, or bytes that are not UTF-8 alongside a NUL.
 */
export function decodeFileText(bytes: Uint8Array): string | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le')
  if (data[0] === 0xfe && data[1] === 0xff) return swapBytes(data.subarray(2)).toString('utf16le')
  const sniff = data.subarray(0, SNIFF_BYTES)
  // The common case, checked first: no NUL means text, as before.
  if (!sniff.includes(0)) return data.toString('utf8')
  if (looksLikeText(sniff)) return data.toString('utf8')
  const order = bomlessUtf16(sniff)
  if (order === 'le') return data.toString('utf16le')
  if (order === 'be') return swapBytes(data).toString('utf16le')
  return null
}

/** Whether a start of a file holding NULs is text with a few stray ones: little else that is control, and valid UTF-8. */
function looksLikeText(sniff: Buffer): boolean {
  let control = 0
  for (const byte of sniff) {
    // Tab, line feed, vertical tab, form feed, carriage return and escape appear in text; other C0 bytes do not.
    if (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) control++
    else if (byte === 0x7f) control++
  }
  if (control > sniff.length * MAX_CONTROL_SHARE) return false
  // A UTF-8 sequence cut at the sniff's end is not a reason to call the file binary.
  const whole = sniff.length === SNIFF_BYTES ? trimPartialSequence(sniff) : sniff
  return isUtf8(whole)
}

/** Drops an incomplete multi-byte sequence at the end (at most 3 bytes). */
function trimPartialSequence(bytes: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]
    if ((byte & 0xc0) === 0x80) continue
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return need > back ? bytes.subarray(0, bytes.length - back) : bytes
    }
    return bytes
  }
  return bytes
}

/** UTF-16BE bytes as UTF-16LE (Node decodes only the latter), on a copy; an odd last byte is dropped. */
function swapBytes(bytes: Buffer): Buffer {
  return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16()
}

/**
 * UTF-16 written without a byte-order mark, told by its zeros: in mostly-ASCII text every other byte is 0,
 * in the high half of each code unit. Which half says the byte order; null when it is not that shape.
 */
function bomlessUtf16(sniff: Buffer): 'le' | 'be' | null {
  const units = Math.floor(sniff.length / 2)
  if (units < 4) return null
  let zeroLow = 0
  let zeroHigh = 0
  for (let i = 0; i + 1 < sniff.length; i += 2) {
    if (sniff[i] === 0) zeroLow++
    if (sniff[i + 1] === 0) zeroHigh++
  }
  if (zeroHigh >= units * 0.9 && zeroLow <= units * 0.02) return 'le'
  if (zeroLow >= units * 0.9 && zeroHigh <= units * 0.02) return 'be'
  return null
}
