/**
 * Hard-coded provider base URLs in dotenv files (`OPENAI_BASE_URL=https://api.openai.com/v1`). `outloop run`
 * points these variables at the broker, but an agent or SDK that loads `.env` itself (python-dotenv, Node's
 * `--env-file`, most frameworks) overwrites them with the file's value and calls the provider directly,
 * past the broker: with a placeholder that fails, with a real key it bypasses policy and audit. Pure: text in,
 * positions and names out, never the value (a URL may carry credentials in its user-info).
 */

/** One dotenv line that sets a provider's base URL to a fixed address. */
export interface BaseUrlOverride {
  readonly relPath: string
  readonly line: number
  readonly variable: string
  /** The service whose base URL `outloop run` sets under that variable. */
  readonly service: string
}

/** Whether a path names a dotenv file: `.env`, `.env.local`, `prod.env`. */
export function isDotenvPath(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return /^\.env(\..+)?$/.test(name) || /^[^.].*\.env$/.test(name)
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$/

/**
 * The lines of a dotenv file that set a base-URL variable of a service (`variables`: variable → service) to
 * a literal http(s) URL. A reference (`${OUTLOOP_OPENAI_URL}`, `$X`) or an empty value overrides nothing.
 */
export function findBaseUrlOverrides(relPath: string, text: string, variables: ReadonlyMap<string, string>): BaseUrlOverride[] {
  if (!isDotenvPath(relPath)) return []
  const found: BaseUrlOverride[] = []
  const lines = text.split('\n')
  for (const [i, raw] of lines.entries()) {
    const match = ASSIGNMENT.exec(raw.replace(/\r$/, ''))
    if (match === null) continue
    const service = variables.get(match[1])
    if (service === undefined) continue
    const value = match[2].replace(/^(["'])(.*)\1\s*(#.*)?$/, '$2').trim()
    if (!/^https?:\/\//i.test(value)) continue
    found.push({relPath, line: i + 1, variable: match[1], service})
  }
  return found
}

/** The base-URL variables of services (the built-in presets and a policy's), each with its service. */
export function baseUrlVariables(services: Iterable<{readonly name: string; readonly baseUrlEnv: readonly string[]}>): Map<string, string> {
  const variables = new Map<string, string>()
  for (const service of services) for (const variable of service.baseUrlEnv) if (!variables.has(variable)) variables.set(variable, service.name)
  return variables
}

/** The warning for one override, in the plan and in `outloop status`. */
export function baseUrlOverrideWarning(o: BaseUrlOverride): string {
  return `${o.relPath}:${o.line} sets ${o.variable} to a fixed URL: an agent that loads this .env calls ${o.service} there, past the broker outloop run points ${o.variable} at. Remove the line: outloop run sets it, and another endpoint belongs in the policy's upstream.`
}
