import {RULES} from '../detectors/index.js'
import {KNOWN_VALUE_RULE} from '../scan/known-values.js'
import type {Finding, ScanReport, Severity} from '../scan/report.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {critical: 'error', high: 'error', medium: 'warning', low: 'note'}
/** GitHub code scanning ranks security alerts by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = {critical: '9.5', high: '8.0', medium: '5.5', low: '3.0'}

/**
 * Each finding's hash under a salt the repository holds (`outloopSecret/v2`): equal on every machine that
 * scans the repository. A finding without one (a vault value found by --known) keeps this machine's
 * fingerprint (`outloopSecret/v1`), as every finding does when the repository holds no salt.
 */
export type RepositoryFingerprints = ReadonlyMap<Finding, string>

/** The scan report as SARIF 2.1.0 for code scanning. Carries previews and fingerprints, never a snippet of the file. */
export function buildScanSarif(report: ScanReport, version: string, repository: RepositoryFingerprints = new Map()): object {
  const usedIds = [...new Set(report.findings.map((f) => f.rule))].sort()
  const ruleIndex = new Map(usedIds.map((id, i) => [id, i]))
  const rules = usedIds.map((id) => {
    const rule = RULES.find((r) => r.id === id)
    const severity = rule?.severity ?? 'high'
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: {text: `${rule?.provider ?? 'Unknown'} credential in plaintext`},
      fullDescription: {text: rule?.description ?? (id === KNOWN_VALUE_RULE ? 'A value the vault holds, copied into a file in plaintext (found by outloop scan --known).' : 'A credential stored in plaintext.')},
      help: {
        text:
          id === KNOWN_VALUE_RULE
            ? 'The vault already holds this value: replace the copy with its placeholder (outloop://<client>/<name>) or delete it. Rotate the key if the file was ever shared or committed.'
            : 'Move the value into the vault and reference it with a placeholder: run `outloop migrate`. Rotate the key if the file was ever shared or committed.',
      },
      defaultConfiguration: {level: LEVEL[severity]},
      properties: {tags: ['security', 'secret', rule?.provider ?? 'unknown'], 'security-severity': SECURITY_SEVERITY[severity]},
    }
  })
  const hasBaseline = report.baseline !== null
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'outloop', semanticVersion: version, informationUri: 'https://www.npmjs.com/package/outloop', rules}},
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {ROOT: {uri: pathToUri(report.root)}},
        invocations: [
          {
            executionSuccessful: report.complete,
            toolExecutionNotifications: report.skipped
              .filter((s) => s.reason !== 'binary')
              .map((s) => ({level: 'warning', message: {text: `Not scanned (${s.reason}): ${s.file}`}})),
          },
        ],
        results: report.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.rule) ?? 0, hasBaseline, repository.get(finding))),
      },
    ],
  }
}

function sarifResult(finding: Finding, ruleIndex: number, hasBaseline: boolean, repositoryHash: string | undefined): object {
  const named = finding.name ? ` in ${finding.name}` : ''
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: {text: `${finding.provider} credential${named} in plaintext (${finding.preview}).`},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: encodeURI(finding.file), uriBaseId: 'ROOT'},
          region: {startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn},
        },
      },
    ],
    // Code scanning matches alerts across runs by these: a machine-keyed one churns on every fresh CI runner.
    partialFingerprints: repositoryHash === undefined ? {'outloopSecret/v1': finding.fingerprint} : {'outloopSecret/v2': repositoryHash},
    ...(hasBaseline ? {baselineState: finding.status === 'baselined' ? 'unchanged' : 'new'} : {}),
    properties: {tenant: finding.tenant, area: finding.area, preview: finding.preview, ...(finding.history == null ? {} : {history: finding.history})},
  }
}

function pathToUri(path: string): string {
  const withSlash = path.endsWith('/') ? path : `${path}/`
  return `file://${encodeURI(withSlash.startsWith('/') ? withSlash : `/${withSlash}`)}`
}
