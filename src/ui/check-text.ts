import {escapeControlChars as shown} from '../lib/display.js'
import type {ScanReport} from '../scan/report.js'
import type {TextStyle} from './scan-text.js'

/** The check's verdict: only the new findings, one `file:line rule preview` line each, and what to do. */
export function renderCheckText(report: ScanReport, style: TextStyle): string {
  const fresh = report.findings.filter((f) => f.status === 'new')
  const known = report.findings.length - fresh.length
  const red = (t: string) => (style.color ? `\u001B[31m${t}\u001B[0m` : t)
  const out: string[] = []
  const tail = `${known} known from the baseline${report.stats.allowed > 0 ? `, ${report.stats.allowed} allowed by comment` : ''}; ${report.stats.files} ${report.stats.files === 1 ? 'file' : 'files'} checked`
  if (fresh.length === 0) out.push(`No new plaintext keys (${tail}).`)
  else {
    out.push(red(`${fresh.length} new plaintext ${fresh.length === 1 ? 'key' : 'keys'} (${tail}):`))
    for (const f of fresh) out.push(`${shown(f.file)}:${f.line} ${f.rule} ${shown(f.preview)}`)
    out.push('', 'Move them into the vault (outloop migrate), mark test data with an outloop:allow comment, or accept them with outloop baseline.')
  }
  const incomplete = report.skipped.filter((s) => s.reason !== 'binary')
  if (incomplete.length > 0) {
    out.push(`Incomplete: ${incomplete.length} ${incomplete.length === 1 ? 'path' : 'paths'} not read:`)
    for (const s of incomplete.slice(0, 20)) out.push(`  ${shown(s.file)}  (${s.reason})`)
  }
  return out.join('\n') + '\n'
}
