/**
 * Hard-coded provider base URLs in dotenv files (`OPENAI_BASE_URL=https://api.openai.com/v1`). `outloop run`
 * points these variables at the broker, but an agent or SDK that loads `.env` itself (python-dotenv, Node's
 * `--env-file`, most frameworks) overwrites them with the file's value and calls the provider directly,
 * past the broker: with a placeholder that fails, with a real key it bypasses policy and audit. Pure: text in,
 * positions and names out, never the value (a URL may carry credentials in its user-info).
 */

import {SecretValue} from '../lib/secret-value.js'
import {contentHashOf, type MigrationPlan, type PlannedEdit} from './migration-plan.js'

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

/** What a commented-out base-URL line ends with, so the person reading the file knows why it is off. */
export const BASE_URL_FIX_NOTE = ' (outloop run sets this)'

/**
 * The edit that comments one flagged line out (`--fix-base-urls`): `# <the line as it was> (outloop run sets
 * this)`, the line's ending and every other byte kept, so rollback puts it back byte for byte. It vaults
 * nothing; what it shows is the variable, never the URL (a URL may carry credentials in its user-info).
 */
export function baseUrlFixEdit(text: string, o: BaseUrlOverride): PlannedEdit {
  let start = 0
  for (let line = 1; line < o.line; line++) start = text.indexOf('\n', start) + 1
  const newline = text.indexOf('\n', start)
  let end = newline === -1 ? text.length : newline
  if (text[end - 1] === '\r') end--
  const original = text.slice(start, end)
  return {
    start,
    end,
    line: o.line,
    column: 1,
    replacement: `# ${original}${BASE_URL_FIX_NOTE}`,
    original: new SecretValue(original),
    strategy: 'comment-out',
    reason: `an agent loading this .env would call ${o.service} past the broker; outloop run sets ${o.variable}`,
    placeholder: '',
    decodesTo: `# ${o.variable}=…${BASE_URL_FIX_NOTE}`,
    entry: 'value',
    vaultValue: new SecretValue(''),
    preview: `${o.variable}=…`,
    structure: 'replaced',
    findings: [],
    owner: null,
    foreign: false,
    fix: 'base-url',
  }
}

/** A dotenv file a flagged line is in: its text as read, and its client (null in a shared area). */
export interface BaseUrlSource {
  readonly relPath: string
  readonly tenant: string | null
  readonly text: string
}

/**
 * The plan with each flagged line's comment-out edit added (`--fix-base-urls`): into the file's planned
 * rewrite when it has one, else as a file of its own, hashed like every planned file so apply skips it when
 * it changed since. Pure; the edits never overlap a key's (a URL line holds no key the planner rewrote).
 */
export function withBaseUrlFixes(plan: MigrationPlan, sources: readonly BaseUrlSource[], fingerprintKey: Buffer): MigrationPlan {
  const overrides = plan.baseUrls ?? []
  if (overrides.length === 0) return plan
  const sourceOf = new Map(sources.map((s) => [s.relPath, s]))
  const files = [...plan.files]
  for (const relPath of [...new Set(overrides.map((o) => o.relPath))]) {
    const source = sourceOf.get(relPath)
    if (source === undefined) continue
    const fixes = overrides.filter((o) => o.relPath === relPath).map((o) => baseUrlFixEdit(source.text, o))
    const at = files.findIndex((f) => f.relPath === relPath)
    if (at === -1) {
      files.push({relPath, tenant: source.tenant, format: 'dotenv', edits: fixes, wholeFile: false, contentHash: contentHashOf(fingerprintKey, source.text)})
      continue
    }
    const planned = files[at]
    const clear = fixes.filter((fix) => planned.edits.every((e) => e.end <= fix.start || fix.end <= e.start))
    files[at] = {...planned, edits: [...planned.edits, ...clear].sort((a, b) => a.start - b.start)}
  }
  return {...plan, files}
}

/** Whether the plan comments this flagged line out (`--fix-base-urls`), rather than only warning of it. */
export function isBaseUrlFixed(plan: MigrationPlan, o: BaseUrlOverride): boolean {
  return plan.files.some((f) => f.relPath === o.relPath && f.edits.some((e) => e.fix === 'base-url' && e.line === o.line))
}

/** What the plan and the result say of a line commented out: the variable, never the URL. */
export function baseUrlFixNotice(o: BaseUrlOverride): string {
  return `${o.relPath}:${o.line}: ${o.variable} commented out, so an agent that loads this .env calls ${o.service} through the broker outloop run points ${o.variable} at.`
}
