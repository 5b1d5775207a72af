/**
 * Characters a terminal acts on instead of showing: C0 controls (newline, carriage return, ESC, which starts
 * ANSI and OSC sequences), DEL, C1 controls (0x9B is a one-byte CSI), line and paragraph separators, and the
 * bidirectional overrides and isolates that make a name display as something else.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

const NAMED: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

/**
 * Text from outside (file names, folder names, anything derived from them) made safe to print for a
 * person: every control character becomes a visible escape (`\n`, `\x1b`, `\u{202e}`), so a name can neither
 * forge report lines nor drive the terminal. JSON and SARIF output need none of this: their encoders escape.
 */
export function escapeControlChars(text: string): string {
  if (!HAS_CONTROL.test(text)) return text
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c]
    if (named !== undefined) return named
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
  })
}

/**
 * A whole number with thousands separators, as `n.toLocaleString('en-US')` writes it ("12,345"), without its
 * cost: the first call into Intl loads ICU's locale data, 20–50 ms of a command that otherwise takes 200.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US')
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')
  return n < 0 ? `-${digits}` : digits
}
