import {Box, Text} from 'ink'

import type {MigrationPlan} from '../../plan/migration-plan.js'
import type {SharedSecretChoice} from '../../plan/decisions.js'
import type {MigrationOutcome} from '../../services/migrate.js'
import type {ScanProgress} from '../../services/scan.js'
import type {Risk} from '../../scan/report.js'
import {escapeControlChars} from '../../lib/display.js'
import {scanProgressLine} from '../terminal.js'
import {visibleWindow, wizardChoicesFor, type ClientOverviewRow, type SecretGroup} from './model.js'

/** Colour only when wanted (NO_COLOR, dumb terminals): components take this instead of reading the env. */
export interface ColorProps {
  readonly color?: boolean
}

const tint = (color: boolean | undefined, name: string): string | undefined => (color === false ? undefined : name)

/** Keys that work on this screen, on one line, so 80 columns hold them. */
export function WizardKeys({keys}: {keys: string}) {
  return <Text dimColor>{keys}</Text>
}

/** Step 1: the scan's live counters (files, MB/s, keys so far). */
export function ScanProgressScreen({progress, elapsedMs, color}: {progress?: ScanProgress; elapsedMs: number} & ColorProps) {
  const seconds = (elapsedMs / 1000).toFixed(1)
  if (progress === undefined) return <Text color={tint(color, 'cyan')}>Scanning… {seconds}s</Text>
  return <Text color={tint(color, 'cyan')}>{scanProgressLine(progress)}</Text>
}

/** Step 2: per client, what was found, the riskiest clients first, then the worst risks the scan named. */
export function OverviewScreen({rows, risks, skipped, cursor = 0, color}: {rows: readonly ClientOverviewRow[]; risks: readonly Risk[]; skipped: number; cursor?: number} & ColorProps) {
  const worst = risks.filter((r) => r.severity === 'critical' || r.severity === 'high').slice(0, 4)
  const {items, offset} = visibleWindow(rows, cursor, 15 - worst.length - (worst.length > 0 ? 1 : 0))
  const col = (text: string | number, width: number): string => String(text).padStart(width)
  return (
    <Box flexDirection="column">
      <Text bold>Found in {rows.length} {rows.length === 1 ? 'client' : 'clients'}</Text>
      <Text>{'client'.padEnd(24)}{col('keys', 6)}{col('unique', 8)}{col('dupl.', 7)}{col('cross', 7)}{col('wrong', 7)}</Text>
      {items.map((r) => (
        <Text key={r.tenant} color={r.crossClient > 0 || (r.wrongClient ?? 0) > 0 ? tint(color, 'yellow') : undefined}>
          {r.tenant.slice(0, 23).padEnd(24)}
          {col(r.keys, 6)}
          {col(r.unique, 8)}
          {col(r.duplicated, 7)}
          {col(r.crossClient, 7)}
          {col(r.wrongClient ?? '-', 7)}
        </Text>
      ))}
      {rows.length > items.length ? (
        <Text dimColor>
          clients {offset + 1}-{offset + items.length} of {rows.length} (↑↓ scroll)
        </Text>
      ) : null}
      {worst.length > 0 ? <Text bold>Worst risks</Text> : null}
      {worst.map((r, i) => (
        <Text key={i} wrap="truncate-end" color={r.severity === 'critical' ? tint(color, 'red') : tint(color, 'yellow')}>
          {RISK_LABEL[r.type]}: {escapeControlChars(r.message)}
        </Text>
      ))}
      {skipped > 0 ? <Text dimColor>{skipped} files are left in place (shared areas or formats the rewrite can't keep valid).</Text> : null}
      <WizardKeys keys="enter next · ? help · q cancel" />
    </Box>
  )
}

const RISK_LABEL: Record<Risk['type'], string> = {'foreign-tenant': 'wrong client', 'foreign-reference': 'wrong-client reference', 'cross-client': 'cross-client', 'foreign-account': 'wrong account', 'shared-area': 'shared area', duplicate: 'duplicate'}

/** Step 3: which clients to migrate; space toggles, all chosen by default. */
export function ChooseClientsScreen({tenants, chosen, cursor, color}: {tenants: readonly string[]; chosen: ReadonlySet<string>; cursor: number} & ColorProps) {
  const {items, offset} = visibleWindow(tenants, cursor, 16)
  return (
    <Box flexDirection="column">
      <Text bold>Choose clients ({chosen.size} of {tenants.length})</Text>
      {items.map((t, i) => (
        <Text key={t} color={offset + i === cursor ? tint(color, 'cyan') : undefined}>
          {offset + i === cursor ? '›' : ' '} [{chosen.has(t) ? 'x' : ' '}] {t}
        </Text>
      ))}
      <WizardKeys keys="↑↓ move · space toggle · enter next · b back · q cancel" />
    </Box>
  )
}

const CHOICE_LABEL: Record<SharedSecretChoice, string> = {
  'owner-ref': "point the copies at the owner's entry",
  separate: 'separate entry per client (rotate afterwards)',
  'owner-only': 'vault it for the owner only, copies stay in clear',
  skip: 'skip: leave every copy in place',
}

/** Step 4: one key at a time: provider, preview, where it appears, its entry name and, when shared, what to do. */
export function ReviewSecretScreen({group, index, total, name, choice, editing, color}: {group: SecretGroup; index: number; total: number; name: string; choice: SharedSecretChoice; editing?: string} & ColorProps) {
  const files = group.entries.flatMap((e) => e.files)
  const {items} = visibleWindow(files, 0, 6)
  const options = wizardChoicesFor(group)
  return (
    <Box flexDirection="column">
      <Text bold>
        Key {index + 1} of {total}: {group.provider ?? group.ruleId} {group.preview}
      </Text>
      {group.crossClient ? <Text color={tint(color, 'yellow')}>Held by {group.entries.length} clients: {group.entries.map((e) => e.ref.tenant).join(', ')}</Text> : null}
      {group.wrongClients.length > 0 ? (
        <Text color={tint(color, 'red')}>
          Belongs to {group.owner}; copied into {group.wrongClients.join(', ')}
        </Text>
      ) : null}
      {group.wrongClients.length > 0 && choice === 'owner-ref' ? (
        <Text>
          Vaulted for {group.owner} only. The copies in {group.wrongClients.join(', ')} get {group.owner}'s placeholder, which the broker refuses for {group.wrongClients.length === 1 ? 'that client' : 'those clients'}: nothing of {group.owner}'s is put in their vault. Give them their own key.
        </Text>
      ) : null}
      <Text>Appears in:</Text>
      {items.map((f) => (
        <Text key={f}>  {escapeControlChars(f)}</Text>
      ))}
      {files.length > items.length ? <Text dimColor>  … {files.length - items.length} more files</Text> : null}
      <Text>
        Entry name: {editing === undefined ? <Text color={tint(color, 'green')}>{name}</Text> : <Text color={tint(color, 'cyan')}>{editing}▏</Text>}
      </Text>
      {options.length > 0
        ? options.map((c, i) => (
            <Text key={c} color={c === choice ? tint(color, 'cyan') : undefined}>
              {c === choice ? '›' : ' '} {i + 1}. {CHOICE_LABEL[c]}
              {c === 'owner-only' ? ` (${group.owner})` : ''}
            </Text>
          ))
        : null}
      <WizardKeys keys={editing === undefined ? `enter next · r rename${options.length > 0 ? ' · ←→/1-3 choose' : ''} · / find · a accept rest · b back · q` : 'type a name · enter keep · esc drop the edit'} />
    </Box>
  )
}

/** Step 5: each file's changed lines, the old value as a redacted preview and the placeholder it becomes. */
export function FilePreviewScreen({lines, cursor, color}: {lines: readonly string[]; cursor: number} & ColorProps) {
  const {items, offset} = visibleWindow(lines, cursor, 18)
  return (
    <Box flexDirection="column">
      <Text bold>Changes ({offset + 1}-{offset + items.length} of {lines.length} lines)</Text>
      {items.map((l, i) => (
        <Text key={offset + i} color={l.startsWith('  -') ? tint(color, 'red') : l.startsWith('  +') ? tint(color, 'green') : undefined}>
          {l.slice(0, 78)}
        </Text>
      ))}
      <WizardKeys keys="↑↓ scroll · enter next · b back · q cancel" />
    </Box>
  )
}

/** Step 6: the last word before anything is written. */
export function ConfirmScreen({plan, unfinished, color}: {plan: MigrationPlan; unfinished: readonly string[]} & ColorProps) {
  const edits = plan.files.reduce((n, f) => n + f.edits.length, 0)
  return (
    <Box flexDirection="column">
      <Text bold>
        Apply: {plan.entries.length} vault entries for {plan.tenants.length} clients, {edits} edits in {plan.files.length} files.
      </Text>
      <Text>Every value is stored in the vault and read back, every file backed up encrypted, then replaced.</Text>
      {unfinished.length > 0 ? <Text color={tint(color, 'yellow')}>Unfinished run {unfinished.join(', ')} is undone first; then run migrate again to plan afresh.</Text> : null}
      <WizardKeys keys="enter apply · b back · q cancel (nothing written)" />
    </Box>
  )
}

/** Step 6, running: the service's progress messages; a stop (its own words) or a failure says that nothing was lost. */
export function ApplyProgressScreen({messages, error, stopped, stopping, color}: {messages: readonly string[]; error?: string; stopped?: boolean; stopping?: boolean} & ColorProps) {
  return (
    <Box flexDirection="column">
      <Text color={tint(color, 'cyan')}>{stopping ? 'Stopping: finishing the file in hand, then putting every file of this run back…' : 'Applying… (Ctrl-C stops and puts every file back)'}</Text>
      {messages.slice(-5).map((m, i) => (
        <Text key={i}>{m}</Text>
      ))}
      {error === undefined ? null : stopped ? (
        <Text color={tint(color, 'yellow')}>{error}</Text>
      ) : (
        <>
          <Text color={tint(color, 'red')}>Stopped: {error}</Text>
          <Text>Nothing was lost: every file is either untouched or backed up; outloop rollback restores a started run.</Text>
        </>
      )}
    </Box>
  )
}

/** Step 7: what happened, how to undo it, and the next step offered as one confirmation. */
export function SummaryScreen({outcome, next, color}: {outcome: MigrationOutcome; next: readonly string[]} & ColorProps) {
  if (outcome.run === null) return <Text>Nothing to migrate: no plaintext key left that a rewrite can move.</Text>
  const clients = outcome.clientFolders.length
  // 80x24: the files left in place take rows from the list of commands.
  const shown = 8 - Math.min(outcome.skipped.length, 4)
  return (
    <Box flexDirection="column">
      <Text color={tint(color, 'green')}>
        Migrated (run {outcome.run}): {outcome.written.length} files rewritten, {outcome.created} vault entries stored ({outcome.reused} already there), {outcome.skipped.length} skipped.
      </Text>
      <Text>Undo with: outloop rollback {outcome.run}</Text>
      {outcome.skipped.slice(0, 3).map((k) => (
        <Text key={k.file} wrap="truncate-end" color={tint(color, 'yellow')}>
          Left in place: {escapeControlChars(k.file)}: {escapeControlChars(k.reason)}
        </Text>
      ))}
      {outcome.skipped.length > 3 ? <Text dimColor>… and {outcome.skipped.length - 3} more files left in place</Text> : null}
      <Text> </Text>
      <Text bold>
        Connect the {clients} client {clients === 1 ? 'folder' : 'folders'} and start the access layer now?
      </Text>
      <Text>Each folder is bound to its client; with no policy yet, a starter one grants each client only its own keys. The broker then runs here until Ctrl-C. Or later:</Text>
      {next.slice(0, shown).map((c) => (
        <Text key={c} dimColor>
          {'  '}
          {c}
        </Text>
      ))}
      {next.length > shown ? <Text dimColor>  … {next.length - shown} more</Text> : null}
      <WizardKeys keys="enter/y yes · n no, exit" />
    </Box>
  )
}

/** `?`: every key the wizard knows. */
export function HelpScreen() {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      <Text>↑ ↓ move or scroll · space toggle · enter go on · b back</Text>
      <Text>r rename an entry · ← → or 1-3 choose for a shared key · / find a key · a accept the rest</Text>
      <Text>q, Esc or Ctrl-C cancel: nothing is written before you confirm</Text>
      <Text>While applying, Ctrl-C stops after the file in hand and puts every file back</Text>
      <WizardKeys keys="? close help" />
    </Box>
  )
}
