/**
 * A multi-keyword, case-insensitive scanner for the pre-filter. One pass over the text with a rolling
 * index of the last three (lower-cased ASCII) characters into a 256 KB bit set (it stays in the CPU's
 * cache, where the 4 MB bucket table behind it does not); only positions whose trigram (or bigram, for
 * two-letter keywords) starts a keyword are looked up and checked further. V8's regex engine tries every
 * alternative at every position, so a 300-keyword alternation runs at a third of this speed.
 */
export interface KeywordScanner {
  /**
   * Calls `onHit(start, keywordIndex)` for every occurrence of every keyword, overlapping ones included.
   * `bytes`, when given, must be the text's UTF-8 bytes with one byte per character (`bytes.length ===
   * text.length`: ASCII, and stray bytes that decoded to U+FFFD): then the bytes are scanned instead, twice
   * as fast as reading the string, with the same hits (no keyword holds a character outside ASCII).
   */
  readonly scan: (text: string, onHit: (start: number, keywordIndex: number) => void, bytes?: Uint8Array) => void
}

import {createTrigramKernel, WASM_CHUNK} from './trigram-wasm.js'

const LOWER_ASCII = new Uint8Array(65536)
for (let c = 1; c < 128; c++) LOWER_ASCII[c] = c >= 65 && c <= 90 ? c | 32 : c
/** The same for bytes: anything from 0x80 up is outside every keyword, as U+FFFD and the rest are. */
const LOWER_BYTE = LOWER_ASCII.subarray(0, 256)

const TRIGRAM_BITS = 21
const TRIGRAM_MASK = (1 << TRIGRAM_BITS) - 1

export interface KeywordScannerOptions {
  /** False keeps to the JavaScript loop (the fallback, and the reference the WebAssembly one is tested against). */
  readonly wasm?: boolean
}

/** A scanner for lower-case ASCII keywords of two or more characters; null when a keyword is outside that. */
export function buildKeywordScanner(keywords: readonly string[], options: KeywordScannerOptions = {}): KeywordScanner | null {
  if (keywords.some((keyword) => keyword.length < 2 || !/^[\x20-\x7e]+$/.test(keyword) || keyword !== keyword.toLowerCase())) {
    return null
  }
  // The table holds bucket number + 1 (0: no keyword starts with this trigram); a bucket lists keyword indices.
  // A two-letter keyword is filed under every trigram it can start, so one lookup per character serves both.
  const table = new Uint16Array(1 << TRIGRAM_BITS)
  const present = new Int32Array((1 << TRIGRAM_BITS) >> 5)
  const buckets: number[][] = []
  const file = (key: number, index: number): void => {
    present[key >> 5] |= 1 << (key & 31)
    if (table[key] === 0) {
      buckets.push([])
      table[key] = buckets.length
    }
    const bucket = buckets[table[key] - 1]
    if (!bucket.includes(index)) bucket.push(index)
  }
  // Each keyword is filed under its rarest trigram (`kly` of `checkly`, not `che`), so the common trigrams that
  // start many provider names (`che`, `sta`, `pay`) don't stop the scan at every English word.
  const anchors = keywords.map((keyword) => rarestTrigramAt(keyword))
  keywords.forEach((keyword, index) => {
    const at = anchors[index]
    const prefix = (keyword.charCodeAt(at) << 14) | (keyword.charCodeAt(at + 1) << 7)
    if (keyword.length >= 3) file(prefix | keyword.charCodeAt(at + 2), index)
    else for (let third = 0; third < 128; third++) file(prefix | third, index)
  })
  if (buckets.length >= 65535) return null
  const bucketKeywords = buckets.map((bucket) => Int32Array.from(bucket))
  const codes = keywords.map((keyword) => Uint8Array.from(keyword, (c) => c.charCodeAt(0)))
  // Common trigrams (`age`, `acc`, `cli`) start long keywords far more often in prose than the keywords
  // occur: per bucket, a 128-bit set of the fourth characters its keywords allow rejects most visits
  // before any keyword is compared. A bucket with a keyword of three letters or fewer accepts any.
  const fourth = new Int32Array(buckets.length * 4)
  buckets.forEach((bucket, b) => {
    for (const index of bucket) {
      const code = codes[index]
      const after = anchors[index] + 3
      if (after >= code.length) fourth.fill(-1, b * 4, b * 4 + 4)
      else fourth[b * 4 + (code[after] >> 5)] |= 1 << (code[after] & 31)
    }
  })
  const shortKeywords = keywords.flatMap((keyword, index) => (keyword.length === 2 ? [index] : []))
  const kernel = options.wasm === false ? null : createTrigramKernel(LOWER_BYTE, present)

  const lastTwo = (c0: number, c1: number, length: number, onHit: (start: number, keywordIndex: number) => void): void => {
    // A two-letter keyword in the last two characters has no third character to file it under.
    for (const index of shortKeywords) if (codes[index][0] === c0 && codes[index][1] === c1) onHit(length - 2, index)
  }

  return {
    scan(text, onHit, bytes) {
      const length = text.length
      let rolling = 0
      // The two loops differ only in what they read (bytes or UTF-16 code units); each stays monomorphic for V8.
      if (bytes !== undefined && bytes.length === length && kernel !== null) {
        // The WebAssembly loop finds the positions whose trigram starts a keyword; the rest is as below.
        const hits = kernel.hits
        for (let from = 0; from < length; from += WASM_CHUNK) {
          const count = kernel.scanChunk(bytes, from, Math.min(length, from + WASM_CHUNK))
          const base = from === 0 ? 0 : from - 2
          for (let h = 0; h < count; h++) {
            const i = base + hits[h]
            const trigram = (LOWER_BYTE[bytes[i - 2]] << 14) | (LOWER_BYTE[bytes[i - 1]] << 7) | LOWER_BYTE[bytes[i]]
            const bucket = table[trigram] - 1
            const next = i + 1 < length ? LOWER_BYTE[bytes[i + 1]] : 0
            if ((fourth[bucket * 4 + (next >> 5)] & (1 << (next & 31))) === 0) continue
            const list = bucketKeywords[bucket]
            for (let b = 0; b < list.length; b++) {
              const code = codes[list[b]]
              const keywordLength = code.length
              const start = i - 2 - anchors[list[b]]
              if (start < 0 || start + keywordLength > length) continue
              let j = 0
              while (j < keywordLength && LOWER_BYTE[bytes[start + j]] === code[j]) j++
              if (j === keywordLength) onHit(start, list[b])
            }
          }
        }
        if (length >= 2) lastTwo(LOWER_BYTE[bytes[length - 2]], LOWER_BYTE[bytes[length - 1]], length, onHit)
        return
      }
      if (bytes !== undefined && bytes.length === length) {
        for (let i = 0; i < length; i++) {
          rolling = ((rolling << 7) | LOWER_BYTE[bytes[i]]) & TRIGRAM_MASK
          if ((present[rolling >> 5] & (1 << (rolling & 31))) === 0 || i < 2) continue
          const bucket = table[rolling] - 1
          const next = i + 1 < length ? LOWER_BYTE[bytes[i + 1]] : 0
          if ((fourth[bucket * 4 + (next >> 5)] & (1 << (next & 31))) === 0) continue
          const list = bucketKeywords[bucket]
          for (let b = 0; b < list.length; b++) {
            const code = codes[list[b]]
            const keywordLength = code.length
            const start = i - 2 - anchors[list[b]]
            if (start < 0 || start + keywordLength > length) continue
            let j = 0
            while (j < keywordLength && LOWER_BYTE[bytes[start + j]] === code[j]) j++
            if (j === keywordLength) onHit(start, list[b])
          }
        }
        if (length >= 2) lastTwo(LOWER_BYTE[bytes[length - 2]], LOWER_BYTE[bytes[length - 1]], length, onHit)
        return
      }
      for (let i = 0; i < length; i++) {
        rolling = ((rolling << 7) | LOWER_ASCII[text.charCodeAt(i)]) & TRIGRAM_MASK
        if ((present[rolling >> 5] & (1 << (rolling & 31))) === 0 || i < 2) continue
        const bucket = table[rolling] - 1
        const next = i + 1 < length ? LOWER_ASCII[text.charCodeAt(i + 1)] : 0
        if ((fourth[bucket * 4 + (next >> 5)] & (1 << (next & 31))) === 0) continue
        const list = bucketKeywords[bucket]
        for (let b = 0; b < list.length; b++) {
          const code = codes[list[b]]
          const keywordLength = code.length
          const start = i - 2 - anchors[list[b]]
          if (start < 0 || start + keywordLength > length) continue
          let j = 0
          while (j < keywordLength && LOWER_ASCII[text.charCodeAt(start + j)] === code[j]) j++
          if (j === keywordLength) onHit(start, list[b])
        }
      }
      if (length >= 2) lastTwo(LOWER_ASCII[text.charCodeAt(length - 2)], LOWER_ASCII[text.charCodeAt(length - 1)], length, onHit)
    },
  }
}

/**
 * How common each character is in the text outloop scans (English prose, code, configs), as a rough weight:
 * a trigram's weight is the product of its characters'. Letters follow English letter frequencies.
 */
const CHAR_WEIGHT = new Float64Array(128).fill(0.5)
'etaoinshrdlcumwfgypbvkjxqz'.split('').forEach((c, rank) => (CHAR_WEIGHT[c.charCodeAt(0)] = [12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4, 2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.15, 0.15, 0.1, 0.07][rank]!))
for (let d = 48; d < 58; d++) CHAR_WEIGHT[d] = 1
for (const c of ['_', '.', ' ', '/']) CHAR_WEIGHT[c.charCodeAt(0)] = 2
CHAR_WEIGHT['-'.charCodeAt(0)] = 1.5

/** Where a keyword's least common trigram starts (0 for keywords of three characters or fewer). */
function rarestTrigramAt(keyword: string): number {
  let best = 0
  let bestWeight = Infinity
  for (let at = 0; at + 3 <= keyword.length; at++) {
    const weight = CHAR_WEIGHT[keyword.charCodeAt(at)]! * CHAR_WEIGHT[keyword.charCodeAt(at + 1)]! * CHAR_WEIGHT[keyword.charCodeAt(at + 2)]!
    if (weight < bestWeight) {
      best = at
      bestWeight = weight
    }
  }
  return best
}
