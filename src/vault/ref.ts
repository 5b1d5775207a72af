import {BugError, UserError} from '../lib/errors.js'

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
  if (isClientRelativeRef(text)) throw new UserError(`${text} stands for the calling client's own entry; it names no entry by itself.`, `Name the client: outloop://<tenant>/${text.slice(CLIENT_RELATIVE_PREFIX.length)}`)
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

/**
 * The tenant part of a client-relative placeholder. A tenant name never holds "@", so `outloop://@client/x`
 * can't name a real client, and no vault entry, policy client or binding can be called that.
 */
export const CLIENT_RELATIVE_TENANT = '@client'

const CLIENT_RELATIVE_PREFIX = `${SECRET_REF_SCHEME}${CLIENT_RELATIVE_TENANT}/`

/** The placeholder for "the calling client's own entry `name`", for shared areas such as `_templates/`. */
export function formatClientRelativeRef(name: string): string {
  // Callers pass entry names they made; one outside the grammar is a bug, never something to mangle.
  if (!isValidSecretName(name)) throw new BugError('formatClientRelativeRef: not a valid secret name')
  return CLIENT_RELATIVE_PREFIX + name
}

/** Whether `text` is exactly a client-relative placeholder (`outloop://@client/<name>`). */
export function isClientRelativeRef(text: string): boolean {
  return text.startsWith(CLIENT_RELATIVE_PREFIX) && isValidSecretName(text.slice(CLIENT_RELATIVE_PREFIX.length))
}

/** A placeholder found in a text; `clientRelative` when it was `outloop://@client/<name>`, resolved to the calling client. */
export interface FoundSecretRef {
  readonly ref: SecretRef
  readonly start: number
  readonly end: number
  readonly clientRelative: boolean
}

/**
 * Finds every `outloop://tenant/name` placeholder in a text, with its offsets (for migrate and the broker).
 * With `client` (the tenant the caller is bound to), `outloop://@client/name` is found too, as that client's
 * entry; without it such a placeholder names no entry and is skipped.
 */
export function findSecretRefs(text: string, options: {client?: string} = {}): FoundSecretRef[] {
  const found: FoundSecretRef[] = []
  const pattern = /outloop:\/\/(@client|[a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._-]*)/g
  for (const match of text.matchAll(pattern)) {
    // A name may not end in '.' when the sentence does: "see outloop://acme/key." means the key.
    let name = match[2]
    while (name.length > 1 && name.endsWith('.')) name = name.slice(0, -1)
    const clientRelative = match[1] === CLIENT_RELATIVE_TENANT
    const tenant = clientRelative ? options.client : match[1]
    if (tenant === undefined || !isValidSecretName(tenant) || !isValidSecretName(name)) continue
    const start = match.index
    found.push({ref: {tenant, name}, start, end: start + match[0].length - (match[2].length - name.length), clientRelative})
  }
  return found
}
