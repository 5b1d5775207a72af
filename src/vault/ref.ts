import {UserError} from '../lib/errors.js'

/** The scheme every placeholder and vault address starts with. */
export const SECRET_REF_SCHEME = 'outloop://'

/** Tenant and secret names: lower-case, starting with a letter or digit, so they are safe as path parts. */
export const SECRET_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/

const MAX_NAME_LENGTH = 128

/** One vault entry's address: `outloop://<tenant>/<name>`. */
export interface SecretRef {
  readonly tenant: string
  readonly name: string
}

/** Whether `name` is a valid tenant or secret name. */
export function isValidSecretName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && SECRET_NAME_PATTERN.test(name)
}

/**
 * Parses `outloop://tenant/name` (or the short `tenant/name` a person types) into a ref; null when the text
 * is not one. The one parser that vault, migrate and the broker share, so they agree on what a ref is.
 */
export function tryParseSecretRef(text: string, options: {requireScheme?: boolean} = {}): SecretRef | null {
  let rest = text
  if (rest.startsWith(SECRET_REF_SCHEME)) rest = rest.slice(SECRET_REF_SCHEME.length)
  else if (options.requireScheme) return null
  const slash = rest.indexOf('/')
  if (slash < 0) return null
  const tenant = rest.slice(0, slash)
  const name = rest.slice(slash + 1)
  if (!isValidSecretName(tenant) || !isValidSecretName(name)) return null
  return {tenant, name}
}

/** Parses a ref typed by a user, or throws a UserError that shows the expected shape. */
export function parseSecretRef(text: string): SecretRef {
  const ref = tryParseSecretRef(text)
  if (ref) return ref
  throw new UserError(
    `"${text.length > 80 ? text.slice(0, 80) + '…' : text}" is not a vault reference.`,
    'Write it as outloop://<tenant>/<name> (or <tenant>/<name>), with lower-case names of letters, digits, ".", "_" and "-", starting with a letter or digit.',
  )
}

/** The canonical text of a ref: `outloop://tenant/name`. */
export function formatSecretRef(ref: SecretRef): string {
  return `${SECRET_REF_SCHEME}${ref.tenant}/${ref.name}`
}

/** Orders refs by tenant, then name, as every listing shows them. */
export function compareSecretRefs(a: SecretRef, b: SecretRef): number {
  return a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/** Whether two refs address the same entry. */
export function sameSecretRef(a: SecretRef, b: SecretRef): boolean {
  return a.tenant === b.tenant && a.name === b.name
}

/** Finds every `outloop://tenant/name` placeholder in a text, with its offsets (for migrate and the broker). */
export function findSecretRefs(text: string): Array<{ref: SecretRef; start: number; end: number}> {
  const found: Array<{ref: SecretRef; start: number; end: number}> = []
  const pattern = /outloop:\/\/([a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._-]*)/g
  for (const match of text.matchAll(pattern)) {
    // A name may not end in '.' when the sentence does: "see outloop://acme/key." means the key.
    let name = match[2]
    while (name.length > 1 && name.endsWith('.')) name = name.slice(0, -1)
    const tenant = match[1]
    if (!isValidSecretName(tenant) || !isValidSecretName(name)) continue
    const start = match.index
    found.push({ref: {tenant, name}, start, end: start + SECRET_REF_SCHEME.length + tenant.length + 1 + name.length})
  }
  return found
}
