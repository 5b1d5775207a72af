import {lineIndex, positionAt} from '../formats/position.js'
import {previewSecret} from '../lib/preview.js'
import type {SecretValue} from '../lib/secret-value.js'

/** The rule id of a copy found because its value is in the vault, not because a rule recognised it. */
export const KNOWN_VALUE_RULE = 'vault-known-value'

/** Values shorter than this are not swept for: a short password would match ordinary text. */
export const MIN_KNOWN_VALUE_LENGTH = 8
/** A base64 core (see `base64Cores`) shorter than this is too little of the value to call a match. */
const MIN_BASE64_CORE = 12

/** One value the vault holds, as the sweep needs it: the value stays in this process. */
export interface KnownValue {
  readonly ref: string
  readonly fingerprint: string
  readonly provider: string | null
  readonly value: SecretValue
}

export type KnownEncoding = 'raw' | 'base64' | 'base64url' | 'url' | 'json'

/** One text to look for: a value as it reads in one encoding. Holds the value; never leaves the main thread. */
export interface KnownNeedle {
  readonly text: string
  readonly encoding: KnownEncoding
  readonly known: KnownValue
}

/** The needles of a sweep, with what finding them needs built once for every file. */
export interface KnownNeedles {
  readonly list: readonly KnownNeedle[]
  /** Past PREFIX_MAP_FROM needles: needles by their first PREFIX characters, for one pass over each file. */
  readonly byPrefix: ReadonlyMap<string, readonly KnownNeedle[]> | null
}

/**
 * One indexOf pass per needle costs about 0.06 ms per MB per needle; one pass over the file looking each
 * position's prefix up costs about 40 ms per MB whatever the count (measured on a 40 MB tree): the second
 * wins past some 650 needles (130 vault entries).
 */
const PREFIX_MAP_FROM = 650
const PREFIX = MIN_KNOWN_VALUE_LENGTH

/** Where a known value was found: position, a preview of the text found, the value's fingerprint. Never the value. */
export interface KnownSighting {
  readonly ref: string
  readonly fingerprint: string
  readonly provider: string | null
  readonly encoding: KnownEncoding
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly preview: string
}

/**
 * The texts each value can appear as: raw, URL-encoded, JSON-escaped, and base64 / base64url at each of the
 * three byte alignments, so the value is found alone (`echo -n key | base64`) and inside a longer encoded
 * blob (`Basic base64(user:key)`). Pure.
 */
export function knownValueNeedles(values: readonly KnownValue[]): KnownNeedles {
  const needles: KnownNeedle[] = []
  for (const known of values) {
    const raw = known.value.reveal()
    if (raw.length < MIN_KNOWN_VALUE_LENGTH) continue
    const seen = new Set<string>()
    const add = (text: string, encoding: KnownEncoding): void => {
      if (seen.has(text)) return
      seen.add(text)
      needles.push({text, encoding, known})
    }
    add(raw, 'raw')
    add(encodeURIComponent(raw), 'url')
    add(JSON.stringify(raw).slice(1, -1), 'json')
    for (const core of base64Cores(Buffer.from(raw, 'utf8'))) {
      add(core, 'base64')
      add(core.replaceAll('+', '-').replaceAll('/', '_'), 'base64url')
    }
  }
  if (needles.length < PREFIX_MAP_FROM) return {list: needles, byPrefix: null}
  const byPrefix = new Map<string, KnownNeedle[]>()
  for (const needle of needles) {
    const prefix = needle.text.slice(0, PREFIX)
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), needle])
  }
  return {list: needles, byPrefix}
}

/**
 * The base64 characters that depend on the value alone, at each alignment: the value after 0, 1 or 2 bytes
 * of anything encodes to a fixed run of characters once the groups touching those bytes and the partial
 * last group (which depends on what follows) are dropped.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const start = shift === 0 ? 0 : 4
    const end = Math.floor((shift + bytes.length) / 3) * 4
    // Alone, the value's own last group is known too (padding included or not).
    if (shift === 0) cores.push(encoded.replace(/=+$/, ''))
    const core = encoded.slice(start, end)
    if (core.length >= MIN_BASE64_CORE) cores.push(core)
  }
  return cores
}

/**
 * Every place in `text` where a needle occurs, in file order. Overlapping matches of one value (its raw form
 * inside its JSON-escaped one, a base64 core inside the whole) count once, the longest kept. Pure.
 */
export function findKnownValues(text: string, needles: KnownNeedles): KnownSighting[] {
  const matches: Array<{start: number; end: number; needle: KnownNeedle}> = []
  if (needles.byPrefix === null) {
    for (const needle of needles.list) {
      for (let at = text.indexOf(needle.text); at !== -1; at = text.indexOf(needle.text, at + needle.text.length)) {
        matches.push({start: at, end: at + needle.text.length, needle})
      }
    }
  } else {
    for (let at = 0; at + PREFIX <= text.length; at++) {
      const candidates = needles.byPrefix.get(text.slice(at, at + PREFIX))
      if (candidates) for (const needle of candidates) if (text.startsWith(needle.text, at)) matches.push({start: at, end: at + needle.text.length, needle})
    }
  }
  if (matches.length === 0) return []
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: typeof matches = []
  for (const m of matches) {
    const last = kept[kept.length - 1]
    if (last && last.needle.known === m.needle.known && m.start < last.end) {
      if (m.end > last.end) kept[kept.length - 1] = m.end - m.start > last.end - last.start ? m : last
      continue
    }
    kept.push(m)
  }
  const index = lineIndex(text)
  return kept.map(({start, end, needle}) => {
    const from = positionAt(index, start)
    const to = positionAt(index, end)
    return {
      ref: needle.known.ref,
      fingerprint: needle.known.fingerprint,
      provider: needle.known.provider,
      encoding: needle.encoding,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      preview: previewSecret(text.slice(start, end)),
    }
  })
}
