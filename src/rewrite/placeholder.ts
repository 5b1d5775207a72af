/** One segment of a placeholder: lower-case, starting with a letter or digit (DESIGN.md, "Placeholders"). */
const SEGMENT = '[a-z0-9][a-z0-9._-]*'
const PLACEHOLDER_RE = new RegExp(`^outloop://(${SEGMENT})/(${SEGMENT})$`)
// `outloop://@client/<secret>`: a shared area's placeholder, the calling client's own entry (src/vault/ref.ts).
const CLIENT_RELATIVE_RE = new RegExp(`^outloop://@client/${SEGMENT}$`)

/** Whether `text` is a well-formed broker placeholder: `outloop://<tenant>/<secret>`, or `outloop://@client/<secret>`. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER_RE.test(text) || CLIENT_RELATIVE_RE.test(text)
}

/** Builds `outloop://<tenant>/<secret>`, refusing names outside the placeholder alphabet rather than mangling them. */
export function placeholderFor(tenant: string, secretName: string): string {
  const placeholder = `outloop://${tenant}/${secretName}`
  if (!isPlaceholder(placeholder)) throw new Error('a placeholder needs lower-case names made of a-z, 0-9, ".", "_" and "-"')
  return placeholder
}

/** The tenant and secret name of a placeholder, or undefined when it is not one. */
export function parsePlaceholder(text: string): {tenant: string; secret: string} | undefined {
  const m = PLACEHOLDER_RE.exec(text)
  return m === null ? undefined : {tenant: m[1], secret: m[2]}
}

/**
 * The environment variable a tool-interpolated reference uses: derived from the placeholder alone, so two
 * entries never share a variable and the same entry always gets the same one (`OUTLOOP_ACME_OPENAI_API_KEY`).
 * The tenant is part of it because one process may be launched for one tenant only, but files are copied.
 */
export function interpolationVariableFor(placeholder: string): string {
  const parts = parsePlaceholder(placeholder)
  if (parts === undefined) throw new Error('not a placeholder')
  return `OUTLOOP_${parts.tenant}_${parts.secret}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_')
}
