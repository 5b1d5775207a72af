/** Longest prefix a preview may show; prefixes of known providers (`sk-proj-`, `ghp_`, `xoxb-`) fit in it. */
const MAX_PREFIX = 8
/** Secrets shorter than this show no suffix: four characters of a short password is too much of it. */
const MIN_LENGTH_FOR_SUFFIX = 16

/**
 * A redacted preview: the secret's non-random prefix (at most 8 characters and never more than a quarter of
 * it) and its last 4 characters, for a person to recognise which key it is.
 */
export function previewSecret(secret: string): string {
  const prefixMatch = /^[A-Za-z]{1,6}[-_]((?:[a-z]{2,8}|[A-Z]{2,8})[-_])?/.exec(secret)
  let prefix = prefixMatch ? prefixMatch[0] : ''
  const limit = Math.min(MAX_PREFIX, Math.floor(secret.length / 4))
  if (prefix.length > limit) prefix = prefix.slice(0, limit)
  const suffix = secret.length >= MIN_LENGTH_FOR_SUFFIX ? secret.slice(-4) : ''
  return `${prefix}…${suffix}`
}
