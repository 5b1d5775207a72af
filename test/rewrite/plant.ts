import {detectInText, isDecoySecret, RULES} from '../../src/detectors/index.js'
import {fakeKeyFor} from '../helpers/fakes.js'
import type {RewriteTarget} from '../../src/rewrite/index.js'

/** `@@rule-id:LABEL@@`: one generated key per label, so equal labels plant equal values. */
const TOKEN = /@@([a-z0-9-]+):([A-Za-z0-9]+)@@/g
/**
 * `@@base64(…)@@` and friends wrap a planted key the way a format stores it: base64 (Kubernetes `data`,
 * Docker `auth`), `\n` escapes (a PEM inside a JSON string), indented lines (a YAML block scalar), CRLF.
 */
const WRAP = /@@(base64|jsonlines|indent2|indent4|indent6|crlf)\(([^)]*)\)@@/g

export interface Planted {
  readonly text: string
  /** label → planted key. */
  readonly keys: ReadonlyMap<string, string>
}

/**
 * A generated key its rule finds on its own. About one fake in a few thousand trips a decoy filter (a run, a
 * word by chance); fixtures must not flake on that, and the detectors' own tests cover the filters.
 */
export function detectableFake(ruleId: string): string {
  const rule = RULES.find((r) => r.id === ruleId)
  const alone = (key: string): boolean => detectInText(`key ${key} end`).some((d) => d.ruleId === ruleId)
  // Name rules and URL passwords are found only in context: for them, not being a decoy is all we can check.
  const needsContext = rule?.names !== undefined || ![0, 1, 2].some(() => alone(fakeKeyFor(ruleId)))
  for (let attempt = 0; attempt < 50; attempt++) {
    const key = fakeKeyFor(ruleId)
    // Multi-line rules (PEM blocks) are not decoy-filtered; their dashes would read as a mask.
    const filtered = rule?.multiline !== true && isDecoySecret(key)
    if (!filtered && (needsContext || alone(key))) return key
  }
  throw new Error(`no detectable fake for ${ruleId}`)
}

/** Replaces every token of a fixture with freshly generated keys (nothing that looks live is committed). */
export function plantTokens(template: string, keys = new Map<string, string>()): Planted {
  const withKeys = template.replace(TOKEN, (_m, rule: string, label: string) => {
    if (!keys.has(label)) keys.set(label, detectableFake(rule))
    return keys.get(label) as string
  })
  const text = withKeys.replace(WRAP, (_m, how: string, inner: string) => {
    if (how === 'base64') return Buffer.from(inner, 'utf8').toString('base64')
    if (how === 'jsonlines') return inner.replace(/\n/g, '\\n')
    if (how === 'crlf') return inner.replace(/\n/g, '\r\n')
    return inner.replace(/\n/g, `\n${' '.repeat(Number(how.slice('indent'.length)))}`)
  })
  return {text, keys}
}

/** A piece of a key that survives re-indentation and line-ending changes: the middle of its longest unbroken run. */
function markOf(key: string): string {
  const runs = key.split(/\s+/).sort((a, b) => b.length - a.length)
  const run = runs[0]
  const middle = Math.floor(run.length / 2)
  return run.slice(Math.max(0, middle - 8), middle + 8)
}

/**
 * A placeholder namer as the migration planner will be: the entry is named for the planted label its value
 * holds (`outloop://acme/a`), so fixtures' expected outputs are stable across runs.
 */
export function labelNamer(keys: ReadonlyMap<string, string>, tenant = 'acme'): (target: RewriteTarget) => string {
  return (target) => {
    const value = target.vaultValue.reveal()
    for (const [label, key] of keys) if (value.includes(key) || value.includes(markOf(key))) return `outloop://${tenant}/${label.toLowerCase()}`
    return `outloop://${tenant}/unlabelled-${target.line}`
  }
}

/** Every long-enough piece of a planted key that must never appear in output, errors or plans. */
export function leaksIn(text: string, keys: Iterable<string>): string[] {
  const leaks: string[] = []
  for (const key of keys) {
    if (text.includes(key)) leaks.push('whole key')
    const body = key.slice(Math.min(8, Math.floor(key.length / 4)), -4)
    for (let i = 0; i + 12 <= body.length; i += 6) {
      const piece = body.slice(i, i + 12)
      if (!/\s/.test(piece) && text.includes(piece)) {
        leaks.push('part of a key')
        break
      }
    }
  }
  return leaks
}
