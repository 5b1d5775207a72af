import {createHmac} from 'node:crypto'

import {createOutputMasker} from '../broker/mask.js'
import type {SecretValue} from '../lib/secret-value.js'

/** What a response is masked with: values known in clear, and the vault index's fingerprints. */
export interface ResponseMaskSources {
  /** This client's granted values, when the vault could be opened without a prompt. */
  readonly values: ReadonlyArray<{value: SecretValue; label: string}>
  /** The fingerprint key and, per fingerprint, the label to put in place of a value that has it. */
  readonly fingerprints: {key: Buffer; labels: ReadonlyMap<string, string>} | null
}

/** A value shorter than this is never searched for by fingerprint: too many ordinary words would be hashed. */
const MIN_TOKEN = 8
const MAX_TOKEN = 1024

// Ways a key is delimited in text, widest first: a value may hold "=", "/" or "." (base64, JWTs) or not.
const TOKEN_CLASSES = [/[A-Za-z0-9_\-.~+/=:]+/g, /[A-Za-z0-9_\-.~+/=]+/g, /[A-Za-z0-9_\-.~+/]+/g, /[A-Za-z0-9_\-.]+/g, /[A-Za-z0-9_-]+/g, /[A-Za-z0-9]+/g]

/**
 * Masks vault values an upstream echoed back, in `bytes`. Known values are replaced wherever they occur; without
 * them (the vault stays locked for the MCP server), every key-shaped run of the text is fingerprinted and a run
 * whose fingerprint the vault index holds is replaced. `complete` is false when `bytes` is a cut-off prefix:
 * then a trailing run that may be the start of a value is dropped rather than shown.
 */
export function maskResponseBytes(bytes: Buffer, sources: ResponseMaskSources, complete: boolean): {bytes: Buffer; masked: number; cutAt: number | null} {
  let masked = 0
  let out = bytes
  if (sources.values.length > 0) {
    const masker = createOutputMasker(sources.values)
    const pushed = masker.push(bytes)
    // A held-back tail of a cut-off body may be the first part of a value: it is dropped, never shown.
    const tail = complete ? masker.flush() : Buffer.alloc(0)
    out = Buffer.concat([pushed, tail])
    for (const {label} of sources.values) masked += countOf(out, Buffer.from(label))
  }
  let cutAt: number | null = null
  if (sources.fingerprints && sources.fingerprints.labels.size > 0) {
    // latin1 maps each byte to one character and back, so binary bodies survive the round trip unchanged.
    let text = out.toString('latin1')
    const {key, labels} = sources.fingerprints
    const hits = new Map<string, string>()
    for (const pattern of TOKEN_CLASSES) {
      for (const match of text.matchAll(pattern)) {
        // Every token class is ASCII, so the token's text is the value's bytes, as fingerprints hash them.
        const token = match[0]
        if (token.length < MIN_TOKEN || token.length > MAX_TOKEN || hits.has(token)) continue
        const label = labels.get(createHmac('sha256', key).update(token).digest('hex').slice(0, 32))
        if (label) hits.set(token, label)
      }
    }
    // Longest first, so a value inside another masked value does not split its label.
    for (const [token, label] of [...hits].sort((a, b) => b[0].length - a[0].length)) {
      const parts = text.split(token)
      masked += parts.length - 1
      text = parts.join(label)
    }
    if (!complete) {
      // The last run touching the cut may be a value's beginning: cut the body before it.
      const last = /[A-Za-z0-9_\-.~+/=:]+$/.exec(text)
      if (last) {
        cutAt = last.index
        text = text.slice(0, last.index)
      }
    }
    out = Buffer.from(text, 'latin1')
  }
  return {bytes: out, masked, cutAt}
}

/** Masks a short text (a header value): complete, so nothing is held back. */
export function maskResponseText(text: string, sources: ResponseMaskSources): string {
  return maskResponseBytes(Buffer.from(text, 'utf8'), sources, true).bytes.toString('utf8')
}

function countOf(haystack: Buffer, needle: Buffer): number {
  let count = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++
  return count
}
