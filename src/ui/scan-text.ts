import {escapeControlChars as shown, formatCount} from '../lib/display.js'
import type {Finding, Risk, ScanReport, Severity} from '../scan/report.js'

export interface TextStyle {
  readonly color: boolean
}

const ANSI = {bold: '1', dim: '2', red: '31', yellow: '33', green: '32', cyan: '36', magenta: '35'} as const
type Tone = keyof typeof ANSI

function paint(style: TextStyle, tone: Tone, text: string): string {
  return style.color ? `\u001B[${ANSI[tone]}m${text}\u001B[0m` : text
}

const SEVERITY_TONE: Record<Severity, Tone> = {critical: 'red', high: 'red', medium: 'yellow', low: 'dim'}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd())
}

/** The scan report for a person: summary per client, risks worst first, then every finding. */
export function renderScanText(report: ScanReport, style: TextStyle): string {
  const out: string[] = []
  const {stats} = report
  const read = report.history === undefined ? '' : `, and ${plural(report.history.blobs, 'blob')} of git history, ${formatBytes(report.history.bytes)}, from ${plural(report.history.repositories.length, 'repository', 'repositories')}`
  const where = `${plural(stats.files, 'file')}, ${formatBytes(stats.bytes)}${read} in ${(stats.ms / 1000).toFixed(1)} s`
  if (report.findings.length === 0) {
    out.push(report.complete ? paint(style, 'green', `No plaintext keys found (${where}).`) : `No plaintext keys found in what could be read (${where}), but the scan is incomplete.`)
  } else {
    const clients = report.tenants.length
    const areas = new Set(report.findings.flatMap((f) => (f.area === null ? [] : [f.area]))).size
    const across = [clients > 0 ? plural(clients, 'client') : '', areas > 0 ? plural(areas, 'shared area') : ''].filter(Boolean).join(' and ')
    out.push(paint(style, 'bold', `${plural(report.secrets.length, 'key')} in ${plural(report.findings.length, 'place')}`) + (across ? ` across ${across}` : '') + ` (${where}).`)
    if (report.tenants.length > 0) {
      out.push('')
      out.push(...table([['CLIENT', 'KEYS', 'UNIQUE', 'DUPLICATED', 'CROSS-CLIENT', 'FOREIGN'], ...report.tenants.map((t) => [shown(t.tenant), String(t.keys), String(t.unique), String(t.duplicated), String(t.crossClient), String(t.foreign)])]))
    }
  }
  if (report.risks.length > 0) {
    out.push('', paint(style, 'bold', `Risks, worst first (${report.risks.length}):`))
    for (const risk of report.risks) out.push(renderRisk(risk, style))
  }
  const leftBehind = report.findings.filter((f) => f.vaulted !== null)
  if (leftBehind.length > 0) {
    // The vault already holds these values: the migration stored them, and these copies stayed in clear.
    out.push('', paint(style, 'bold', `Already in the vault, left behind in clear (${leftBehind.length}):`))
    for (const f of leftBehind) out.push(`  ${paint(style, 'cyan', `${shown(f.file)}:${f.line}:${f.column}`)}  a copy of ${shown(f.vaulted as string)} left behind`)
  }
  if (report.findings.length > 0) {
    out.push('', paint(style, 'bold', 'Findings:'))
    for (const f of report.findings) {
      const status = f.status === 'baselined' ? paint(style, 'dim', '  (baselined)') : ''
      out.push(`  ${paint(style, 'cyan', `${shown(f.file)}:${f.line}:${f.column}`)}  ${f.rule}  ${shown(f.preview)}${status}${historyNote(f, style)}`)
    }
  }
  const incomplete = report.skipped.filter((s) => s.reason !== 'binary')
  if (incomplete.length > 0) {
    const counts = new Map<string, number>()
    for (const s of incomplete) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1)
    const summary = [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ')
    out.push('', paint(style, 'yellow', `Scan incomplete: ${plural(incomplete.length, 'path')} not read (${summary}). Keys in them are not counted above.`))
    for (const s of incomplete.slice(0, 20)) out.push(`  ${shown(s.file)}  (${s.reason})`)
    if (incomplete.length > 20) out.push(`  … and ${incomplete.length - 20} more (see --format json)`)
  }
  const binary = report.skipped.filter((s) => s.reason === 'binary')
  if (binary.length > 0) {
    // Not a gap in the scan (keys are text), but a file not read is named, so a misjudged one can be seen.
    out.push('', paint(style, 'dim', `${plural(binary.length, 'binary file')} not read:`))
    for (const s of binary.slice(0, 10)) out.push(paint(style, 'dim', `  ${shown(s.file)}`))
    if (binary.length > 10) out.push(paint(style, 'dim', `  … and ${binary.length - 10} more (see --format json)`))
  }
  if (report.formatErrors.length > 0) {
    out.push('', paint(style, 'dim', `${plural(report.formatErrors.length, 'file')} did not parse as their format and got the line-based pass only:`))
    for (const e of report.formatErrors.slice(0, 10)) out.push(paint(style, 'dim', `  ${shown(e.file)}:${e.line}:${e.column}  ${e.format}: ${e.reason}`))
  }
  if (report.findings.length > 0) out.push('', 'Next: outloop migrate ' + quoteArg(report.root) + ' --dry-run   (see what moving these keys into the vault would change)')
  return out.join('\n') + '\n'
}

/** With --history: "only in git history (1a2b3c4)" for a key the files no longer hold, "committed (1a2b3c4)" for one they do. */
function historyNote(finding: Finding, style: TextStyle): string {
  const history = finding.history
  if (history == null) return ''
  const commits = history.commits.slice(0, 3).map((c) => c.slice(0, 7)).join(', ') + (history.commits.length > 3 ? ', …' : '')
  return history.inWorkingTree ? paint(style, 'dim', `  (committed: ${commits})`) : paint(style, 'yellow', `  (only in git history: ${commits})`)
}

function renderRisk(risk: Risk, style: TextStyle): string {
  const label = paint(style, SEVERITY_TONE[risk.severity], risk.severity.toUpperCase().padEnd(8))
  return `  ${label}  ${risk.type.padEnd(15)}  ${shown(risk.message)}`
}

function quoteArg(text: string): string {
  if (/^[\w./~-]+$/.test(text)) return text
  if (shown(text) === text) return `'${text.replaceAll("'", "'\\''")}'`
  // A root with control characters: ANSI-C quotes, which show them escaped and which a shell reads back.
  const body = [...text].map((c) => (c === '\\' || c === "'" ? `\\${c}` : shown(c).replace(/^\\u\{([0-9a-f]+)\}$/, (_, hex: string) => `\\u${hex.padStart(4, '0')}`))).join('')
  return `$'${body}'`
}
