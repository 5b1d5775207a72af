/** An assignment seen in free text: `NAME=value`, `"name": "value"`, `--api-key value`, `<name>value</name>`. */
export interface TextAssignment {
  readonly name: string
  /** Offsets of the value (inside its quotes, after any auth scheme) in the text given to the parser. */
  readonly valueStart: number
  readonly valueEnd: number
}

/**
 * A name, optionally quoted, then an assignment operator. The name is matched atomically (`(?=(…))\2`):
 * a lazy or backtracking name made this regex the costliest part of a scan. Covers shell/.env (`export A=b`), YAML (`a: b`),
 * JSON (`"a": "b"`), code (`a = 'b'`, `a := "b"`, `$a .= "b"`, `"a" => "b"`, `a: string = "b"`,
 * `var a string = "b"`), calls (`setProperty("A", "b")`) and index assignment (`env["A"] = "b"`).
 */
const ASSIGNMENT =
  /(?<![\w$@.-])(["'`]?)(?=([A-Za-z_$@][\w$.-]{0,127}))\2\1(?:\s*\]|\s*:\s*[A-Za-z_][\w.<>|[\]]*(?=\s*=)|\s+(?:string|String|str|\[\]byte)(?=\s*=))?\s*(:{1,3}=|\?=|\.=|\+=|\|\|=|=>|==|=|:|,)[ \t]*/g
const FLAG = /(?<![\w-])--([A-Za-z][\w-]*)(?:=|[ \t]+)/g
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,127})>[ \t]*([^<\s][^<]*?)[ \t]*<\/\1>/g
/** `<add key="Password" value="…" />` (NuGet, .NET appSettings). */
const KEY_VALUE_ATTRIBUTES = /\b(?:key|name)\s*=\s*"([^"]{1,128})"\s+value\s*=\s*"([^"]*)"/g
/** An element whose only content is a value on its own line: `<apiToken>\n  value\n</apiToken>`. */
const XML_ELEMENT_MULTILINE = /[ \t]*<([A-Za-z_][\w.:-]{0,127})>[ \t]*\r?\n[ \t]*([^<\s]{1,4096})[ \t]*\r?\n[ \t]*<\/\1>/y
const AUTH_SCHEME = /(?:Bearer|bearer|BEARER|Basic|basic|Token|token|Bot|Key|ApiKey|Apikey|SSWS|Splunk|GenieKey|OAuth)[ \t]+(?=\S)/y
const UNQUOTED_STOP = /[\s"'`,;)}\]<>\\&|]/

/** Values longer than this are not given to name rules (a whole certificate is not an API key). */
export const MAX_NAMED_VALUE = 4096

function skipScheme(text: string, start: number, end: number): number {
  AUTH_SCHEME.lastIndex = start
  if (AUTH_SCHEME.test(text) && AUTH_SCHEME.lastIndex < end) return AUTH_SCHEME.lastIndex
  return start
}

/**
 * Reads values at increasing positions of one text: quoted (returns the inside) or a bare run; null when
 * there is none. A value's extent is looked for at most MAX_NAMED_VALUE + 1 characters on (a longer one is
 * named by nothing), and the end of a bare run is remembered for the positions inside it: on a line such as
 * `password=password=…` every match starts a run to the end of the line, which made a line's cost quadratic.
 */
function valueReader(text: string, end: number): (pos: number) => [number, number] | null {
  let runFrom = -1
  let runEnd = -1
  return (pos) => {
    const start = skipScheme(text, pos, end)
    if (start >= end) return null
    const limit = Math.min(end, start + MAX_NAMED_VALUE + 1)
    const quote = text[start]
    if (quote === '"' || quote === "'" || quote === '`') {
      let i = start + 1
      while (i < limit && text[i] !== quote) i += text[i] === '\\' && quote === '"' ? 2 : 1
      const valueEnd = Math.min(i, limit)
      const inner = skipScheme(text, start + 1, valueEnd)
      return valueEnd > inner ? [inner, valueEnd] : null
    }
    if (start < runFrom || start >= runEnd) {
      let i = start
      while (i < end && !UNQUOTED_STOP.test(text[i])) i++
      runFrom = start
      runEnd = i
    }
    const valueEnd = Math.min(runEnd, limit)
    return valueEnd > start ? [start, valueEnd] : null
  }
}

/**
 * Assignments in one line (or any short slice) of text; offsets relative to `text`. A value may hold
 * further assignments (`"cfg": "TOKEN=abc"`, `Server=x;Password=y`); they are reported too.
 */
export function findTextAssignments(text: string, from = 0, to = text.length): TextAssignment[] {
  // Work on the slice: a global regex left to run on the whole text would scan past `to` on every call.
  const line = from === 0 && to === text.length ? text : text.slice(from, to)
  const end = line.length
  const found: TextAssignment[] = []
  const push = (name: string, value: [number, number] | null): void => {
    if (value) found.push({name, valueStart: from + value[0], valueEnd: from + value[1]})
  }
  const readValue = valueReader(line, end)
  ASSIGNMENT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = ASSIGNMENT.exec(line)) !== null) {
    const quoted = m[1] !== ''
    const operator = m[3]
    const after = ASSIGNMENT.lastIndex
    // `f("NAME", "value")` names its second argument only as a call's first two arguments, both quoted
    // (`setProperty`, `getenv` defaults); in lists and other calls a comma separates unrelated strings.
    if (operator === ',' && !(quoted && /\(\s*$/.test(line.slice(Math.max(0, m.index - 40), m.index)) && /["'`]/.test(line[after] ?? ''))) continue
    // `http://…` is a URL, not `http` assigned `//…`; in `scheme://user:pass@host` the user is no name.
    if (operator === ':' && (line.startsWith('//', after) || line.startsWith('://', m.index - 3))) continue
    const value = readValue(after)
    // `name: Some words…` is prose or a docstring: a secret has no spaces, so a first word is not a value.
    if (value && operator === ':' && !/["'`]/.test(line[after] ?? '') && /^[ \t]+[A-Za-z0-9(]/.test(line.slice(value[1], value[1] + 2))) continue
    push(m[2], value)
  }
  if (line.includes('--')) {
    const readFlagValue = valueReader(line, end)
    FLAG.lastIndex = 0
    while ((m = FLAG.exec(line)) !== null) {
      // `--password  Prompt for…` with a column of spaces is help text, not a command line.
      if (line[FLAG.lastIndex] === '-' || /[ \t]{2}$/.test(m[0])) continue
      push(m[1], readFlagValue(FLAG.lastIndex))
    }
  }
  if (line.includes('</')) {
    XML_ELEMENT.lastIndex = 0
    while ((m = XML_ELEMENT.exec(line)) !== null) {
      const valueStart = m.index + m[0].indexOf(m[2], m[1].length + 2)
      push(m[1], [valueStart, valueStart + m[2].length])
    }
  }
  if (line.includes('value')) {
    KEY_VALUE_ATTRIBUTES.lastIndex = 0
    while ((m = KEY_VALUE_ATTRIBUTES.exec(line)) !== null) {
      const valueStart = m.index + m[0].length - m[2].length - 1
      if (m[2] !== '') push(m[1], [valueStart, valueStart + m[2].length])
    }
  }
  return found
}

/** Element spread over three lines, `<name>` / value / `</name>`, opening at `lineStart`; offsets into `text`. */
export function findMultilineElementAt(text: string, lineStart: number): TextAssignment | null {
  XML_ELEMENT_MULTILINE.lastIndex = lineStart
  const m = XML_ELEMENT_MULTILINE.exec(text)
  if (!m) return null
  const valueStart = m.index + m[0].lastIndexOf(m[2], m[0].length - m[1].length - 3)
  return {name: m[1], valueStart, valueEnd: valueStart + m[2].length}
}

/** `openaiApiKey_token`, `OPENAI-API-KEY`, `openai.api.key` → `openai_api_key_token` style snake case. */
export function normalizeSecretName(name: string): string {
  return name
    .replace(/^[$@]+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
}
