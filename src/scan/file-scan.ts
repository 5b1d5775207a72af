import {detectInValue, resolveOverlaps, ruleById, rulePriority, scanTextForSecrets, type OverlapCandidate} from '../detectors/index.js'
import {isPublicByContext, pairedDetections} from '../detectors/context.js'
import type {Detection} from '../detectors/types.js'
import {extractValues, formatForPath} from '../formats/index.js'
import {lineIndex, positionAt, type LineIndex} from '../formats/position.js'
import type {FormatError, FormatResult, LocatedValue} from '../formats/types.js'
import {previewSecret} from '../lib/preview.js'
import {SecretValue} from '../lib/secret-value.js'

/** One secret in one file, before fingerprinting and placement. The value stays wrapped. */
export interface FileFinding {
  readonly ruleId: string
  readonly name: string | null
  /** 1-based position of the secret's first character, and of the character after its last. */
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  /** Offsets in the file text of the span a rewrite would replace. */
  readonly start: number
  readonly end: number
  readonly secret: SecretValue
  /** Redacted: a short prefix and the last 4 characters at most. */
  readonly preview: string
  /** The format that located it (`dotenv`, `compose`, …), or `text` for the line-based pass. */
  readonly format: string
  /** An `outloop:allow` comment on its line or the line above marks it as known documentation or test data. */
  readonly allowed: boolean
}

export interface FileScanResult {
  readonly findings: readonly FileFinding[]
  readonly format: string
  readonly formatError?: FormatError
}

interface Candidate {
  readonly ruleId: string
  readonly name: string | null
  readonly start: number
  readonly end: number
  readonly value: string
  readonly format: string
}

/**
 * Finds the secrets in one file's text: the format's parser locates named values (so `.env`, YAML and JSON
 * keys name what they hold, and base64 or escaped values are decoded), and a line-based pass over the raw
 * text catches everything else. Where both see the same bytes, the more specific detection wins.
 * `utf8`, the bytes the text was decoded from (when it was UTF-8), speeds up the keyword pre-filter;
 * `plain` skips the format's parser (for a window of a file too large to parse whole).
 */
export function scanFileText(relPath: string, text: string, utf8?: Uint8Array, options: {readonly plain?: boolean} = {}): FileScanResult {
  // A window of a large file (`plain`) is no whole document for its format's parser: the line pass reads it.
  const descriptor = options.plain ? undefined : formatForPath(relPath, text)
  const format = descriptor?.id ?? 'text'
  // Lockfiles hold only integrity hashes and registry URLs: the line pass would find nothing but noise there.
  const line = format === 'lockfile' ? {detections: [], keywordHits: 0} : scanTextForSecrets(text, undefined, utf8)
  // Every rule is gated by keywords in the name or the value; with none anywhere in the text, no parsed
  // value can match either, unless its format decodes values (base64) into bytes the text does not show.
  const parsed: FormatResult =
    options.plain || (line.keywordHits === 0 && descriptor?.decodes !== true) ? {format, values: []} : extractValues(relPath, text)
  const candidates: Candidate[] = []
  for (const located of parsed.values) {
    for (const detection of detectInValue(located.value, located.name)) {
      candidates.push(candidateFromValue(text, located, detection, parsed.format))
    }
  }
  // The line pass sees base64 fields as opaque text; their parser decoded them, so its verdict stands there.
  const decoded = parsed.values.filter((v) => v.encoding === 'base64' || v.encoding === 'basic-auth')
  for (const detection of [...line.detections, ...pairedDetections(text, line.detections)]) {
    if (decoded.some((v) => detection.start < v.end && detection.end > v.start)) continue
    candidates.push({...detection, value: text.slice(detection.start, detection.end), format: 'text'})
  }
  if (candidates.length === 0) return {findings: [], format: parsed.format, formatError: parsed.error}

  const index = lineIndex(text)
  // Keys public by design (publishable, anon) are recognised so no broader rule reports their bytes, then dropped.
  const findings = mergeOverlappingDetections(candidates)
    .filter((candidate) => {
      const rule = ruleById(candidate.ruleId)
      return rule?.public !== true && !isPublicByContext(rule, text, candidate.start, candidate.end)
    })
    .map((candidate): FileFinding => {
      const from = positionAt(index, candidate.start)
      const to = positionAt(index, candidate.end)
      return {
        ruleId: candidate.ruleId,
        name: candidate.name,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        start: candidate.start,
        end: candidate.end,
        secret: new SecretValue(candidate.value),
        preview: previewSecret(candidate.value),
        format: candidate.format,
        allowed: hasAllowComment(text, index, from.line, ALLOW_COMMENT) || hasAllowComment(text, index, from.line - 1, ALLOW_COMMENT_LINE),
      }
    })
  return {findings, format: parsed.format, formatError: parsed.error}
}

/**
 * `outloop:allow` inside a comment, in any of the comment syntaxes of the formats we read (`#`, `//`, `;`,
 * `/*`, `<!--`, `--`, `%`, `REM`): a marker in a value or a string is not a comment and allows nothing.
 * A trailing comment allows its own line; a comment standing alone on a line allows the line below.
 */
const ALLOW_COMMENT = /(?:^|\s|[;,)}\]"'`])(?:#|\/\/|;|\/\*|<!--|--|%|rem\s)\s*outloop:allow\b/i
const ALLOW_COMMENT_LINE = /^\s*(?:#|\/\/|;|\/\*|<!--|--|%|rem\s)\s*outloop:allow\b/i

function hasAllowComment(text: string, index: LineIndex, line: number, pattern: RegExp): boolean {
  if (line < 1 || line > index.lineStarts.length) return false
  const start = index.lineStarts[line - 1]
  const end = line < index.lineStarts.length ? index.lineStarts[line] : text.length
  const lineText = text.slice(start, end)
  return lineText.includes('outloop:allow') && pattern.test(lineText)
}

/** Maps a detection inside a decoded value back to bytes of the file. */
function candidateFromValue(text: string, located: LocatedValue, detection: Detection, format: string): Candidate {
  const value = located.value.slice(detection.start, detection.end)
  const name = detection.name ?? located.name
  if (located.encoding === 'raw') {
    return {ruleId: detection.ruleId, name, start: located.start + detection.start, end: located.start + detection.end, value, format}
  }
  // Escaped or multi-line values usually still hold the secret verbatim (keys have no escapable characters);
  // encoded ones (base64) do not, and the whole encoded span stands for the secret.
  if (located.encoding === 'escaped' || located.encoding === 'multiline') {
    const at = text.indexOf(value, located.start)
    if (at !== -1 && at + value.length <= located.end) return {ruleId: detection.ruleId, name, start: at, end: at + value.length, value, format}
  }
  return {ruleId: detection.ruleId, name, start: located.start, end: located.end, value, format}
}

/**
 * Keeps one detection per overlapping span, in file order, with the engine's own ranking (`detectors/overlaps.ts`):
 * the parsers' detections, the line pass's and the pair members' meet here. Exported so a test can hold it to that ranking.
 */
export function mergeOverlappingDetections<T extends OverlapCandidate>(candidates: readonly T[]): T[] {
  const priorities = new Map<string, number>()
  const priorityOf = (candidate: T): number => {
    let priority = priorities.get(candidate.ruleId)
    if (priority === undefined) priorities.set(candidate.ruleId, (priority = rulePriority(ruleById(candidate.ruleId))))
    return priority
  }
  return resolveOverlaps(candidates, priorityOf, (candidate, name) => ({...candidate, name}))
}
