import type {FileFormat, FormatResult, LocatedValue} from './types.js'
import {scanAssignments} from './dotenv.js'
import {baseName, linesOf, locatedValue} from './shared.js'

/** crontab: `KEY=value` environment lines; command lines are left to the line pass. */
export function extractCrontab(text: string): FormatResult {
  const scan = scanAssignments(text, 0, text.length, {multiline: false, allowExport: false, spacedEquals: true})
  return scan.error === undefined ? {format: 'crontab', values: scan.values} : {format: 'crontab', values: scan.values, error: scan.error}
}

/** `crontab`, `*.cron`, `*.crontab`, files under `cron.d/` or a cron spool. */
export const crontabFormat: FileFormat = {
  id: 'crontab',
  syntax: 'dotenv', namesAccounts: true,
  matches: (relPath) => {
    const base = baseName(relPath)
    return base === 'crontab' || base === '.crontab' || /\.(?:cron|crontab)$/i.test(base) || /(?:^|\/)(?:cron\.d|crontabs)\/[^/]+$/.test(relPath)
  },
  extract: extractCrontab,
}

/**
 * systemd units: `Environment=` lines hold one or more `KEY=value` words, each possibly quoted
 * (`Environment="A=1 2" B=3`). `EnvironmentFile=` names a file, not a value, so it is not reported.
 */
export function extractSystemdUnit(text: string): FormatResult {
  const values: LocatedValue[] = []
  let section: string | null = null
  for (const line of linesOf(text)) {
    const header = /^[ \t]*\[([^\]]+)\][ \t]*$/.exec(line.text)
    if (header !== null) {
      section = header[1]
      continue
    }
    const m = /^[ \t]*Environment[ \t]*=[ \t]*/.exec(line.text)
    if (m === null) continue
    const s = line.text
    let k = m[0].length
    while (k < s.length) {
      while (k < s.length && /[ \t]/.test(s[k])) k++
      if (k >= s.length) break
      const quote = s[k] === '"' || s[k] === "'" ? s[k] : null
      const wordStart = quote === null ? k : k + 1
      let wordEnd = wordStart
      while (wordEnd < s.length && (quote === null ? !/[ \t]/.test(s[wordEnd]) : s[wordEnd] !== quote)) {
        if (s[wordEnd] === '\\') wordEnd++
        wordEnd++
      }
      wordEnd = Math.min(wordEnd, s.length)
      k = quote === null ? wordEnd : wordEnd + 1
      const word = s.slice(wordStart, wordEnd)
      const eq = word.indexOf('=')
      if (eq <= 0 || eq === word.length - 1) continue
      const name = word.slice(0, eq)
      const raw = word.slice(eq + 1)
      const start = line.start + wordStart + eq + 1
      const value = raw.replace(/\\(.)/g, (_m, c: string) => ({n: '\n', t: '\t'} as Record<string, string>)[c] ?? c)
      values.push(locatedValue(text, {name, path: section === null ? name : `${section}.${name}`, value, start, end: start + raw.length}))
    }
  }
  return {format: 'systemd', values}
}

/** Units (`*.service`, `*.socket`, `*.timer`, …) and drop-ins (`*.conf` under a `systemd` or `*.d` folder). */
export const systemdFormat: FileFormat = {
  id: 'systemd',
  syntax: 'systemd', namesAccounts: true,
  matches: (relPath) =>
    /\.(?:service|socket|timer|path|mount|target)$/i.test(relPath) ||
    (/\.conf$/i.test(relPath) && /(?:^|\/)(?:systemd\/|[^/]+\.(?:service|socket|timer)\.d\/)/.test(relPath)),
  extract: extractSystemdUnit,
}
