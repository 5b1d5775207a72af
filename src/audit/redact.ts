import type {AuditFields} from './chain.js'

/** Longest path kept in a record; the rest is cut (a 32 KiB request line has nothing an auditor needs past this). */
export const MAX_AUDIT_PATH = 1024
const MAX_AUDIT_WORD = 256
/** What a token-shaped segment becomes in a record. */
export const REDACTED_TOKEN = '[token]'

// `ols_` at the start of a segment or after punctuation (`token=ols_…`, `Bearer%20ols_…`), in any case; not inside
// a word (`tools_list`).
const TOKEN_SHAPED = /(?:^|[^a-z0-9])ols_/i

/** Percent-decodes byte by byte, over and over, skipping malformed escapes: enough to see through any encoding of `ols_`. */
function decodeLoosely(text: string): string {
  let current = text
  for (let round = 0; round < 4; round++) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    if (next === current) break
    current = next
  }
  return current
}

/** Whether a piece of a request target could hold an outloop session token (`ols_…`), however it is encoded or cased. */
export function looksLikeSessionToken(text: string): boolean {
  return TOKEN_SHAPED.test(text) || TOKEN_SHAPED.test(decodeLoosely(text))
}

/** A path as a record may hold it: every token-shaped segment replaced, and cut to MAX_AUDIT_PATH characters. */
export function redactAuditPath(path: string): string {
  const redacted = path
    .split('/')
    .map((segment) => (looksLikeSessionToken(segment) ? REDACTED_TOKEN : segment))
    .join('/')
  return redacted.length > MAX_AUDIT_PATH ? redacted.slice(0, MAX_AUDIT_PATH) + '…' : redacted
}

function redactWord(word: string | null): string | null {
  if (word === null) return null
  if (looksLikeSessionToken(word)) return REDACTED_TOKEN
  return word.length > MAX_AUDIT_WORD ? word.slice(0, MAX_AUDIT_WORD) + '…' : word
}

/**
 * The fields as they may be written: no token-shaped path segment, service, secret, host or method (all of
 * them come from the request), and nothing unbounded. The one place every record passes, broker and launcher.
 */
export function redactAuditFields(fields: AuditFields): AuditFields {
  return {
    ...fields,
    service: redactWord(fields.service),
    secret: redactWord(fields.secret),
    host: redactWord(fields.host),
    method: redactWord(fields.method) ?? '',
    path: redactAuditPath(fields.path),
  }
}
