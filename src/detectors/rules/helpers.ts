/** Shared building blocks for rule files: boundaries, value shapes and example contexts. */

/** Not preceded by a key character, so `xsk-…` or `abcghp_…` do not start a match mid-token. */
export const KEY_START = String.raw`(?<![A-Za-z0-9_-])`
/** Not followed by a key character, so a longer token is not cut short into a match. */
export const KEY_END = String.raw`(?![A-Za-z0-9_-])`

/** A prefix-rule pattern: `body` as the `secret` group between key boundaries. */
export function boundedPattern(body: string, flags = ''): RegExp {
  return new RegExp(`${KEY_START}(?<secret>${body})${KEY_END}`, flags)
}

/** A name-rule pattern: the whole value must have this shape. */
export function wholeValuePattern(body: string, flags = ''): RegExp {
  return new RegExp(`^(?<secret>${body})$`, flags)
}

/** `OPENAI_API_KEY` → `openaiApiKey`, for code and JSON contexts. */
export function camelCaseName(envName: string): string {
  return envName.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/**
 * Realistic places a key is pasted: a `.env` line, a shell export, a JSON field, a YAML mapping, a code
 * literal and a compose-style list entry. Each context names the key `envName` (or its camelCase form).
 */
export function secretContexts(envName: string, secret: string): string[] {
  const camel = camelCaseName(envName)
  return [
    `${envName}=${secret}`,
    `# client settings\nexport ${envName}="${secret}"\n`,
    `{\n  "name": "acme-agent",\n  "${camel}": "${secret}"\n}\n`,
    `env:\n  ${envName}: ${secret}\n`,
    `const client = createClient({ ${camel}: '${secret}', timeout: 30 })`,
    `environment:\n  - ${envName}=${secret}\n`,
  ]
}

/** Contexts for a key found by its shape alone: bare in prose, and under a neutral name. */
export function shapeContexts(secret: string): string[] {
  return [`Use this one for the staging run: ${secret} (rotated monthly)`, `value = "${secret}"`]
}

/** Replaces the character at `index` with a different one of the same class, keeping length and alphabet. */
export function corruptChar(text: string, index: number): string {
  const c = text[index]
  const replacement = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'z' ? 'a' : c === 'Z' ? 'A' : String.fromCharCode(c.charCodeAt(0) + 1)
  return text.slice(0, index) + replacement + text.slice(index + 1)
}

/**
 * A `names` matcher backed by a predicate, for name rules whose test is more than a pattern
 * (the generic rules weigh every part of a name). The engine only calls `test`.
 */
export function namePredicate(accepts: (name: string) => boolean): RegExp {
  class PredicateRegExp extends RegExp {
    override test(name: string): boolean {
      return accepts(name)
    }
    override exec(name: string): RegExpExecArray | null {
      return accepts(name) ? super.exec('') : null
    }
  }
  return new PredicateRegExp('(?:)')
}
