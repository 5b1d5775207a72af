import {extractValues, formatById} from '../formats/index.js'
import {lineIndex, positionAt, type LineIndex} from '../formats/position.js'
import type {LocatedValue} from '../formats/types.js'
import {previewSecret} from '../lib/preview.js'
import {SecretValue} from '../lib/secret-value.js'
import type {FileFinding} from '../scan/file-scan.js'
import {requotedSyntaxFor, syntaxOfLocated, valueSyntax, type ValueSyntax} from './encode.js'
import {RewriteError} from './errors.js'
import {interpolationVariableFor, isPlaceholder} from './placeholder.js'
import type {FileRewritePlan, RewriteEdit, RewriteFindingRef, RewriteStrategyId, RewriteTarget, VaultEntryKind} from './types.js'

/** The part of a scan finding a rewrite uses: where the key is, what it is, and the key itself (wrapped). */
export type RewriteFinding = Pick<FileFinding, 'ruleId' | 'name' | 'start' | 'end' | 'line' | 'column' | 'secret'>

export interface FileRewriteOptions {
  /**
   * Names the vault entry for a target and returns its placeholder (`outloop://acme/openai-api-key`). The
   * migration planner dedupes here, by the target's vault value, so equal values share one entry.
   */
  readonly placeholderFor: (target: RewriteTarget) => string
  /**
   * `tool`: where the tool reading the file resolves `${VAR}` itself (compose, Claude Code's `.mcp.json`,
   * npm's `.npmrc`), write `${OUTLOOP_…}` and let `outloop run` set the variable. `never` (the default)
   * writes the placeholder everywhere, so the file alone says where each key went.
   */
  readonly interpolation?: 'never' | 'tool'
}

/** A planned edit before its placeholder is known. */
interface Draft {
  start: number
  end: number
  strategy: Exclude<RewriteStrategyId, 'tool-interpolation' | 'placeholder-escaped' | 'comment-out'> | 'placeholder-escaped'
  entry: VaultEntryKind
  vaultValue: string
  /** The syntax the replacement is written in; undefined for base64 fields, which are encoded, not escaped. */
  syntax: ValueSyntax | undefined
  /** Line breaks a replaced YAML block scalar ended with, kept after the new plain scalar. */
  trailing: string
  structure: 'kept' | 'replaced'
  located: LocatedValue | undefined
  /** Whether the draft covers its whole located value (so requoting it is possible). */
  wholeLocated: boolean
  findings: {ref: RewriteFindingRef; name: string | null; ruleId: string}[]
}

/** The tool that resolves `${VAR}` in a file itself, when the file is one we know it reads. */
function interpolatingTool(relPath: string, format: string): string | undefined {
  return formatById(format)?.interpolatedBy?.(relPath)
}

/** The smallest located value whose span holds [start, end). */
function locatedAround(values: readonly LocatedValue[], start: number, end: number): LocatedValue | undefined {
  let best: LocatedValue | undefined
  for (const v of values) {
    if (v.start <= start && end <= v.end && (best === undefined || v.end - v.start < best.end - best.start)) best = v
  }
  return best
}

// `scheme://` (a token as the user) or `scheme://user:` (a password) right before the key, in the same word.
const USERINFO_BEFORE = /[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^\s/@:'"`\\]*:)?$/
const URI_END = /[\s"'`<>\\]/

/** The extent of the URL whose user-info holds [start, end), or undefined when the key is not in one. */
function urlAround(text: string, start: number, end: number, bounds: LocatedValue | undefined): {start: number; end: number} | undefined {
  if (text[end] !== '@') return undefined
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const floor = Math.max(lineStart, bounds?.start ?? 0, start - 512)
  const head = text.slice(floor, start)
  const m = USERINFO_BEFORE.exec(head)
  if (m === null) return undefined
  let from = floor + m.index
  // Compound schemes (`jdbc:postgresql://`) belong to the URL the tool reads.
  while (from > floor && /[A-Za-z0-9+.:-]/.test(text[from - 1])) from--
  const ceiling = bounds?.end ?? text.length
  let to = end
  while (to < ceiling && text[to] !== '\n' && !URI_END.test(text[to])) to++
  // Sentence punctuation after a URL in notes ("… @db/app.") is not part of it.
  while (to > end + 1 && /[.,;:!?)]/.test(text[to - 1])) to--
  return {start: from, end: to}
}

// curl's `-u user:KEY`: the user and the key are one argument, and `user:<placeholder>` would still read as a password.
const CURL_USER_BEFORE = /(?:^|\s)(?:-u|--user)(?:[ \t]+|=)["']?([^\s"':]*:)$/

/** Where a `user:` prefix of a key given as one `user:password` argument starts, or undefined. */
function pairStartBefore(text: string, start: number, bounds: LocatedValue | undefined): number | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const m = CURL_USER_BEFORE.exec(text.slice(Math.max(lineStart, start - 512), start))
  if (m === null) return undefined
  const from = start - m[1].length
  return bounds !== undefined && from < bounds.start ? undefined : from
}

function base64Decoded(encoded: string): string {
  return Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
}

/** How one finding is best rewritten, before merging with the others of the file. */
function draftFor(relPath: string, format: string, text: string, values: readonly LocatedValue[], finding: RewriteFinding): Draft {
  const secret = finding.secret.reveal()
  const span = text.slice(finding.start, finding.end)
  const verbatim = span === secret
  const located = locatedAround(values, finding.start, finding.end)
  const refs = [{ref: {ruleId: finding.ruleId, name: finding.name, line: finding.line, column: finding.column}, name: finding.name ?? located?.name ?? null, ruleId: finding.ruleId}]
  const base = {trailing: '', located, findings: refs}
  const whole = (start: number, end: number): boolean => located !== undefined && located.start === start && located.end === end

  if (format === 'pem' && located !== undefined) {
    // The block as a whole, even when a rule matched inside it: a key file is read whole, not in pieces.
    const block = text.slice(located.start, located.end)
    return {...base, start: located.start, end: located.end, strategy: 'key-block', entry: 'key-block', vaultValue: block, syntax: valueSyntax('text'), structure: 'replaced', wholeLocated: true}
  }
  if (located !== undefined && located.encoding === 'base64') {
    return {...base, start: located.start, end: located.end, strategy: 'base64-placeholder', entry: located.value === secret ? 'secret' : 'value', vaultValue: located.value, syntax: undefined, structure: 'kept', wholeLocated: true}
  }
  if (located !== undefined && located.encoding === 'basic-auth') {
    const pair = base64Decoded(text.slice(located.start, located.end))
    return {...base, start: located.start, end: located.end, strategy: 'credential-pair', entry: 'credential-pair', vaultValue: pair, syntax: undefined, structure: 'kept', wholeLocated: true}
  }
  if (verbatim) {
    // A credentials file's value is only the password: its URL is the whole line.
    const url = urlAround(text, finding.start, finding.end, format === 'git-credentials' ? undefined : located)
    const pairStart = url === undefined ? pairStartBefore(text, finding.start, located) : undefined
    if (pairStart !== undefined) {
      const syntax = syntaxOfLocated(format, text, located)
      const pair = text.slice(pairStart, finding.end)
      return {...base, start: pairStart, end: finding.end, strategy: 'credential-pair', entry: 'credential-pair', vaultValue: pair, syntax, structure: 'kept', wholeLocated: whole(pairStart, finding.end)}
    }
    if (url !== undefined) {
      const uri = text.slice(url.start, url.end)
      // A URL written with escapes (`\/` in JSON) is not what the tool reads: move the whole value instead.
      if (located === undefined || located.value.includes(uri) || format === 'git-credentials') {
        const credentialsLine = format === 'git-credentials'
        const syntax = credentialsLine ? valueSyntax('text') : syntaxOfLocated(format, text, located)
        return {...base, start: url.start, end: url.end, strategy: 'whole-uri', entry: 'uri', vaultValue: uri, syntax, structure: credentialsLine ? 'replaced' : 'kept', wholeLocated: whole(url.start, url.end)}
      }
    } else {
      const syntax = syntaxOfLocated(format, text, located)
      return {...base, start: finding.start, end: finding.end, strategy: syntax.quoted ? 'placeholder-escaped' : 'placeholder', entry: 'secret', vaultValue: secret, syntax, structure: 'kept', wholeLocated: whole(finding.start, finding.end)}
    }
  }
  if (located === undefined) {
    throw new RewriteError('unencodable', relPath, {line: finding.line, column: finding.column}, 'the key is not written as plain text here and no value around it is known to this format')
  }
  // The key is spread over lines, indentation or escapes: the value as the tool reads it moves whole.
  let syntax = syntaxOfLocated(format, text, located)
  let trailing = ''
  if (syntax.id === 'yaml-block') {
    syntax = valueSyntax('yaml-plain')
    trailing = /(?:\r?\n)*$/.exec(text.slice(located.start, located.end))?.[0] ?? ''
  }
  return {...base, start: located.start, end: located.end, strategy: 'whole-value', entry: 'value', vaultValue: located.value, syntax, trailing, structure: 'kept', wholeLocated: true}
}

/** Drafts in file order with drafts inside another absorbed into it (a URL or value holding two keys is one entry). */
function mergeDrafts(relPath: string, index: LineIndex, drafts: Draft[]): Draft[] {
  const sorted = [...drafts].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Draft[] = []
  for (const draft of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && draft.start < last.end) {
      if (draft.end <= last.end) {
        last.findings.push(...draft.findings)
        continue
      }
      throw new RewriteError('overlap', relPath, positionAt(index, draft.start), 'two keys overlap in a way no single edit can cover')
    }
    merged.push({...draft, findings: [...draft.findings]})
  }
  return merged
}

const FORMAT_TOOLS: Record<string, string> = {kubernetes: 'Kubernetes decodes `data` values', npmrc: 'npm decodes `_password`'}

function reasonFor(draft: Draft, format: string, extra: {syntax?: ValueSyntax; tool?: string; variable?: string; requoted?: boolean}): string {
  const requote = extra.requoted === true ? '; the value is now double-quoted, because unquoted it could not hold the replacement' : ''
  const label = extra.syntax?.label ?? 'the value'
  if (extra.tool !== undefined) {
    const moved = draft.entry === 'uri' ? 'the whole URL moves to one vault entry and ' : draft.entry === 'value' ? 'the whole value moves to one vault entry and ' : ''
    return `${moved}\`\${${extra.variable}}\` replaces it, because ${extra.tool} resolves \${VAR} itself; \`outloop run\` sets ${extra.variable} from the vault${requote}`
  }
  switch (draft.strategy) {
    case 'placeholder':
      return `the placeholder replaces the key as written, because ${label} is read as it stands${requote}`
    case 'placeholder-escaped':
      return `the placeholder, escaped for ${label}, replaces the key inside it (a placeholder needs no escapes)${requote}`
    case 'base64-placeholder':
      return `base64 of the placeholder, because ${FORMAT_TOOLS[format] ?? 'the tool decodes this field from base64'}${draft.entry === 'value' ? '; the whole decoded value moves to one vault entry' : ''}`
    case 'credential-pair':
      if (extra.syntax !== undefined) return `the whole user:password argument moves to one vault entry and ${label} holds its placeholder, because curl reads them as one value and \`user:<placeholder>\` would still read as a password${requote}`
      return `the whole user:secret pair moves to one vault entry and the field holds base64 of its placeholder, because ${format === 'npmrc' ? 'npm reads `_auth`' : 'Docker reads `auth`'} as base64 of user:password`
    case 'whole-uri':
      return draft.structure === 'replaced'
        ? 'the whole credential URL moves to one vault entry and its line holds the placeholder, because a placeholder inside a URL would break it'
        : `the whole URL moves to one vault entry and ${label} holds its placeholder, because a placeholder inside the URL's user-info would break it${requote}`
    case 'whole-value':
      return `the whole value moves to one vault entry and ${label} holds its placeholder, because the key is spread over lines or escapes${requote}`
    case 'key-block':
      return 'the whole private-key block moves to the vault and the file holds its placeholder, because key files are read whole'
  }
}

/** Writes `content` in the draft's syntax, double-quoting a bare value that cannot hold it. */
function encodeReplacement(relPath: string, index: LineIndex, draft: Draft, content: string): {replacement: string; syntax?: ValueSyntax; requoted?: boolean} {
  if (draft.syntax === undefined) return {replacement: Buffer.from(content, 'utf8').toString('base64')}
  const encoded = draft.syntax.encode(content)
  if (encoded !== undefined) return {replacement: encoded + draft.trailing, syntax: draft.syntax}
  const requoted = draft.wholeLocated ? requotedSyntaxFor(draft.syntax) : undefined
  const inQuotes = requoted?.encode(content)
  if (requoted !== undefined && inQuotes !== undefined) return {replacement: `"${inQuotes}"${draft.trailing}`, syntax: requoted, requoted: true}
  throw new RewriteError('unencodable', relPath, positionAt(index, draft.start), `${draft.syntax.label} cannot hold the replacement`)
}

/**
 * Plans the edits that replace each finding's key with a broker placeholder, in the encoding of the span it
 * sits in (escaped in quoted strings, base64 in base64 fields), moving larger values whole where a placeholder
 * cannot stand inside them (URLs, credential pairs, key blocks, multi-line values). Pure: reads nothing, writes nothing.
 */
export function planFileRewrite(relPath: string, text: string, findings: readonly RewriteFinding[], options: FileRewriteOptions): FileRewritePlan {
  const parsed = extractValues(relPath, text)
  if (findings.length === 0) return {relPath, format: parsed.format, edits: [], wholeFile: false}
  const index = lineIndex(text)
  const drafts = mergeDrafts(relPath, index, findings.map((f) => draftFor(relPath, parsed.format, text, parsed.values, f)))
  const tool = options.interpolation === 'tool' ? interpolatingTool(relPath, parsed.format) : undefined
  const edits = drafts.map((draft): RewriteEdit => {
    const position = positionAt(index, draft.start)
    const first = draft.findings[0]
    const vaultValue = new SecretValue(draft.vaultValue)
    const target: RewriteTarget = {relPath, ruleId: first.ruleId, name: first.name ?? draft.located?.name ?? null, entry: draft.entry, vaultValue, line: position.line}
    const placeholder = options.placeholderFor(target)
    if (!isPlaceholder(placeholder)) throw new RewriteError('placeholder', relPath, position, 'the placeholder given for this key is not of the form outloop://<tenant>/<secret>')
    const interpolate = tool !== undefined && draft.syntax !== undefined && draft.structure === 'kept' && draft.strategy !== 'key-block'
    const variable = interpolate ? interpolationVariableFor(placeholder) : undefined
    const decodesTo = variable === undefined ? placeholder : `\${${variable}}`
    const encoded = encodeReplacement(relPath, index, draft, decodesTo)
    return {
      start: draft.start,
      end: draft.end,
      line: position.line,
      column: position.column,
      replacement: encoded.replacement,
      original: new SecretValue(text.slice(draft.start, draft.end)),
      strategy: interpolate ? 'tool-interpolation' : draft.strategy,
      reason: reasonFor(draft, parsed.format, {syntax: encoded.syntax, tool: interpolate ? tool : undefined, variable, requoted: encoded.requoted}),
      placeholder,
      decodesTo,
      entry: draft.entry,
      vaultValue,
      preview: previewSecret(draft.vaultValue),
      ...(variable === undefined ? {} : {variable}),
      ...(encoded.requoted === true ? {requoted: 'double' as const} : {}),
      structure: draft.structure,
      findings: draft.findings.map((f) => f.ref),
    }
  })
  return {relPath, format: parsed.format, edits, wholeFile: leavesOnlyPlaceholders(text, edits)}
}

/** Whether every byte outside the edits is whitespace: the file's content as a whole moved to the vault. */
function leavesOnlyPlaceholders(text: string, edits: readonly RewriteEdit[]): boolean {
  let at = 0
  for (const edit of edits) {
    if (text.slice(at, edit.start).trim() !== '') return false
    at = edit.end
  }
  return text.slice(at).trim() === ''
}
