import {Box, Text} from 'ink'

import type {MigrationPlan} from '../../plan/migration-plan.js'
import type {SharedSecretChoice} from '../../plan/decisions.js'
import type {MigrationOutcome} from '../../services/migrate.js'
import type {ScanProgress} from '../../services/scan.js'
import type {Risk} from '../../scan/report.js'
import {escapeControlChars} from '../../lib/display.js'
import {scanProgressLine} from '../terminal.js'
import {isOutloopTenant, visibleWindow, wizardChoicesFor, type ClientOverviewRow, type SecretGroup} from './model.js'
import {countOf, textWidth, wrapKeyItems, wrapWords} from './text.js'

/** What every screen is given: colour only when wanted (NO_COLOR, dumb terminals), and the columns it has. */
export interface ScreenProps {
  readonly color?: boolean
  /** Columns to lay the text out in: the terminal's, at most 80. */
  readonly width?: number
}

const tint = (color: boolean | undefined, name: string): string | undefined => (color === false ? undefined : name)

/** Rows a screen may fill in a 24-row terminal: one stays for the find box, one for the cursor under the frame. */
const SCREEN_ROWS = 22

/**
 * Text wrapped at word boundaries, a row per line. A line wider than the screen (a long path, a command) is
 * given the room it needs and runs past the edge whole, rather than being cut or split.
 */
export function Words({text, width, color, bold, dimColor}: {text: string; width: number; color?: string; bold?: boolean; dimColor?: boolean}) {
  return (
    <>
      {wrapWords(text, width).map((line, i) => (
        <Box key={i} width={Math.max(width, textWidth(line))} flexShrink={0}>
          <Text color={color} bold={bold} dimColor={dimColor}>
            {line}
          </Text>
        </Box>
      ))}
    </>
  )
}

/** A command to copy: always one line, indented, running past the edge when it is wider than the screen. */
export function CommandLine({command, width}: {command: string; width: number}) {
  const line = `  ${command}`
  return (
    <Box width={Math.max(width, textWidth(line))} flexShrink={0}>
      <Text dimColor>{line}</Text>
    </Box>
  )
}

/** Keys that work on this screen: whole items, wrapped between items when the screen is narrow, none left out. */
export function WizardKeys({keys, width = 80, dim = true}: {keys: readonly string[]; width?: number; dim?: boolean}) {
  return (
    <>
      {wrapKeyItems(keys, width).map((line, i) => (
        <Text key={i} dimColor={dim}>
          {line}
        </Text>
      ))}
    </>
  )
}

const rowsOf = (text: string, width: number): number => wrapWords(text, width).length

/** Step 1: the scan's live counters (files, MB/s, keys so far). */
export function ScanProgressScreen({progress, elapsedMs, color, width = 80}: {progress?: ScanProgress; elapsedMs: number} & ScreenProps) {
  const seconds = (elapsedMs / 1000).toFixed(1)
  return <Words width={width} color={tint(color, 'cyan')} text={progress === undefined ? `Scanning… ${seconds}s` : scanProgressLine(progress)} />
}

const OVERVIEW_KEYS = ['enter next', '? help', 'q cancel']

/** Step 2: per client, what was found, the riskiest clients first, then the worst risks the scan named. */
export function OverviewScreen({rows, risks, skipped, cursor = 0, color, width = 80}: {rows: readonly ClientOverviewRow[]; risks: readonly Risk[]; skipped: number; cursor?: number} & ScreenProps) {
  const worst = risks.filter((r) => r.severity === 'critical' || r.severity === 'high').slice(0, 4)
  const riskText = worst.map((r) => `${RISK_LABEL[r.type]}: ${escapeControlChars(r.message)}`)
  const skippedText = skipped > 0 ? `${countOf(skipped, 'file')} ${skipped === 1 ? 'is' : 'are'} left in place (shared areas or formats the rewrite can't keep valid).` : ''
  // Title, column heads and the scroll line, then what the risks, the skipped files and the keys take.
  const used = 3 + (worst.length > 0 ? 1 : 0) + riskText.reduce((n, t) => n + rowsOf(t, width), 0) + (skipped > 0 ? rowsOf(skippedText, width) : 0) + wrapKeyItems(OVERVIEW_KEYS, width).length
  const {items, offset} = visibleWindow(rows, cursor, Math.max(3, SCREEN_ROWS - used))
  const col = (text: string | number, size: number): string => String(text).padStart(size)
  return (
    <Box flexDirection="column">
      <Text bold>Found in {countOf(rows.length, 'client')}</Text>
      <Text>{'client'.padEnd(24)}{col('keys', 6)}{col('unique', 8)}{col('dupl.', 7)}{col('cross', 7)}{col('wrong', 7)}</Text>
      {items.map((r) => (
        <Text key={r.tenant} color={r.crossClient > 0 || (r.wrongClient ?? 0) > 0 ? tint(color, 'yellow') : undefined}>
          {(r.tenant.length > 23 ? `${r.tenant.slice(0, 22)}…` : r.tenant).padEnd(24)}
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
        <Words key={i} width={width} text={riskText[i]} color={r.severity === 'critical' ? tint(color, 'red') : tint(color, 'yellow')} />
      ))}
      {skipped > 0 ? <Words width={width} dimColor text={skippedText} /> : null}
      <WizardKeys width={width} keys={OVERVIEW_KEYS} />
    </Box>
  )
}

const RISK_LABEL: Record<Risk['type'], string> = {'foreign-tenant': 'wrong client', 'foreign-reference': 'wrong-client reference', 'cross-client': 'cross-client', 'foreign-account': 'wrong account', 'git-history': 'in git history', 'shared-area': 'shared area', duplicate: 'duplicate'}

/** Step 3: which clients to migrate; space toggles, all chosen by default. */
export function ChooseClientsScreen({tenants, chosen, cursor, color, width = 80}: {tenants: readonly string[]; chosen: ReadonlySet<string>; cursor: number} & ScreenProps) {
  const keys = ['↑↓ move', 'space toggle', 'enter next', 'b back', 'q cancel']
  const {items, offset} = visibleWindow(tenants, cursor, Math.min(16, SCREEN_ROWS - 1 - wrapKeyItems(keys, width).length))
  return (
    <Box flexDirection="column">
      <Text bold>Choose clients ({chosen.size} of {tenants.length})</Text>
      {items.map((t, i) => (
        <Text key={t} wrap="truncate-end" color={offset + i === cursor ? tint(color, 'cyan') : undefined}>
          {offset + i === cursor ? '›' : ' '} [{chosen.has(t) ? 'x' : ' '}] {t}
        </Text>
      ))}
      <WizardKeys width={width} keys={keys} />
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
export function ReviewSecretScreen({group, index, total, name, choice, editing, color, width = 80}: {group: SecretGroup; index: number; total: number; name: string; choice: SharedSecretChoice; editing?: string} & ScreenProps) {
  const files = group.entries.flatMap((e) => e.files)
  const options = wizardChoicesFor(group)
  const title = `Key ${index + 1} of ${total}: ${group.provider ?? group.ruleId} ${group.preview}`
  const holders = group.entries.map((e) => e.ref.tenant).filter((t) => !isOutloopTenant(t))
  const held = group.crossClient ? `Held by ${countOf(holders.length, 'client')}: ${holders.join(', ')}` : ''
  const belongs = group.wrongClients.length > 0 ? `Belongs to ${group.owner}; copied into ${group.wrongClients.join(', ')}` : ''
  const explained =
    group.wrongClients.length > 0 && choice === 'owner-ref'
      ? `Vaulted for ${group.owner} only. The copies in ${group.wrongClients.join(', ')} get ${group.owner}'s placeholder, which the broker refuses for ${group.wrongClients.length === 1 ? 'that client' : 'those clients'}: nothing of ${group.owner}'s is put in their vault. Give them their own key.`
      : ''
  const optionText = options.map((c, i) => `${c === choice ? '›' : ' '} ${i + 1}. ${CHOICE_LABEL[c]}${c === 'owner-only' ? ` (${group.owner})` : ''}`)
  const keys = editing === undefined ? ['enter next', 'r rename', ...(options.length > 0 ? ['←→/1-3 choose'] : []), '/ find', 'a accept rest', 'b back', 'q cancel'] : ['type a name', 'enter keep', 'esc drop the edit']
  // The file list gets the rows the rest leaves: "Appears in:", "… more", the entry name.
  const used = [title, held, belongs, explained].reduce((n, t) => n + (t === '' ? 0 : rowsOf(t, width)), 0) + 3 + optionText.reduce((n, t) => n + rowsOf(t, width), 0) + wrapKeyItems(keys, width).length
  const {items} = visibleWindow(files, 0, Math.max(1, Math.min(6, SCREEN_ROWS - used)))
  return (
    <Box flexDirection="column">
      <Words width={width} bold text={title} />
      {held !== '' ? <Words width={width} color={tint(color, 'yellow')} text={held} /> : null}
      {belongs !== '' ? <Words width={width} color={tint(color, 'red')} text={belongs} /> : null}
      {explained !== '' ? <Words width={width} text={explained} /> : null}
      <Text>Appears in:</Text>
      {items.map((f) => (
        <Text key={f} wrap="truncate-start">
          {'  '}
          {escapeControlChars(f)}
        </Text>
      ))}
      {files.length > items.length ? <Text dimColor>  … {countOf(files.length - items.length, 'more file')}</Text> : null}
      <Text>
        Entry name: {editing === undefined ? <Text color={tint(color, 'green')}>{name}</Text> : <Text color={tint(color, 'cyan')}>{editing}▏</Text>}
      </Text>
      {options.map((c, i) => (
        <Words key={c} width={width} color={c === choice ? tint(color, 'cyan') : undefined} text={optionText[i]} />
      ))}
      <WizardKeys width={width} keys={keys} />
    </Box>
  )
}

/** Step 5: each file's changed lines, the old value as a redacted preview and the placeholder it becomes. */
export function FilePreviewScreen({lines, cursor, color, width = 80}: {lines: readonly string[]; cursor: number} & ScreenProps) {
  const keys = ['↑↓ scroll', 'enter next', 'b back', 'q cancel']
  const {items, offset} = visibleWindow(lines, cursor, Math.min(18, SCREEN_ROWS - 1 - wrapKeyItems(keys, width).length))
  return (
    <Box flexDirection="column">
      <Text bold>
        Changes ({offset + 1}-{offset + items.length} of {countOf(lines.length, 'line')})
      </Text>
      {items.map((l, i) => (
        // One row per line, so scrolling moves by lines: a line wider than the screen ends in "…".
        <Text key={offset + i} wrap="truncate-end" color={l.startsWith('  -') ? tint(color, 'red') : l.startsWith('  +') ? tint(color, 'green') : undefined}>
          {l}
        </Text>
      ))}
      <WizardKeys width={width} keys={keys} />
    </Box>
  )
}

/** Step 6: the last word before anything is written. */
export function ConfirmScreen({plan, unfinished, color, width = 80}: {plan: MigrationPlan; unfinished: readonly string[]} & ScreenProps) {
  const edits = plan.files.reduce((n, f) => n + f.edits.length, 0)
  return (
    <Box flexDirection="column">
      <Words width={width} bold text={`Apply: ${countOf(plan.entries.length, 'vault entry', 'vault entries')} for ${countOf(plan.tenants.length, 'client')}, ${countOf(edits, 'edit')} in ${countOf(plan.files.length, 'file')}.`} />
      <Words width={width} text="Every value is stored in the vault and read back, every file backed up encrypted, then replaced." />
      {unfinished.length > 0 ? <Words width={width} color={tint(color, 'yellow')} text={`Unfinished ${unfinished.length === 1 ? 'run' : 'runs'} ${unfinished.join(', ')} ${unfinished.length === 1 ? 'is' : 'are'} undone first; then run migrate again to plan afresh.`} /> : null}
      <WizardKeys width={width} keys={['enter apply', 'b back', 'q cancel (nothing written)']} />
    </Box>
  )
}

/** Step 6, running: the service's progress messages; a stop (its own words) or a failure says that nothing was lost. */
export function ApplyProgressScreen({messages, error, stopped, stopping, color, width = 80}: {messages: readonly string[]; error?: string; stopped?: boolean; stopping?: boolean} & ScreenProps) {
  return (
    <Box flexDirection="column">
      <Words width={width} color={tint(color, 'cyan')} text={stopping ? 'Stopping: finishing the file in hand, then putting every file of this run back…' : 'Applying… (Ctrl-C stops and puts every file back)'} />
      {messages.slice(-5).map((m, i) => (
        <Words key={i} width={width} text={m} />
      ))}
      {error === undefined ? null : stopped ? (
        <Words width={width} color={tint(color, 'yellow')} text={error} />
      ) : (
        <>
          <Words width={width} color={tint(color, 'red')} text={`Stopped: ${error}`} />
          <Words width={width} text="Nothing was lost: every file is either untouched or backed up; outloop rollback restores a started run." />
        </>
      )}
    </Box>
  )
}

const SUMMARY_KEYS = ['enter/y yes', 'n no, exit']
const ASK_TEXT = 'Each folder is bound to its client; with no policy yet, a starter one grants each client only its own keys. The broker then runs here until Ctrl-C. Or later:'

/** Step 7: what happened, how to undo it, and the next step offered as one confirmation. */
export function SummaryScreen({outcome, next, color, width = 80}: {outcome: MigrationOutcome; next: readonly string[]} & ScreenProps) {
  if (outcome.run === null) return <Words width={width} text="Nothing to migrate: no plaintext key left that a rewrite can move." />
  const clients = outcome.clientFolders.length
  const migrated = `Migrated (run ${outcome.run}): ${countOf(outcome.written.length, 'file')} rewritten, ${countOf(outcome.created, 'vault entry', 'vault entries')} stored (${outcome.reused} already there), ${outcome.skipped.length} skipped.`
  const undo = `Undo with: outloop rollback ${outcome.run}`
  const leftInPlace = outcome.skipped.slice(0, 3).map((k) => `Left in place: ${escapeControlChars(k.file)}: ${escapeControlChars(k.reason)}`)
  const more = outcome.skipped.length > 3 ? `… and ${countOf(outcome.skipped.length - 3, 'more file')} left in place` : ''
  const question = `Connect the ${countOf(clients, 'client folder')} and start the access layer now?`
  // The commands get the rows the rest leaves (at least one, and one for "… n more"); each stays on one line.
  const used = [migrated, undo, ...leftInPlace, more, question, ASK_TEXT].reduce((n, t) => n + (t === '' ? 0 : rowsOf(t, width)), 0) + 1 + wrapKeyItems(SUMMARY_KEYS, width).length
  const room = Math.max(1, SCREEN_ROWS - used)
  const shown = next.length <= room ? next.length : room - 1 || 1
  return (
    <Box flexDirection="column">
      <Words width={width} color={tint(color, 'green')} text={migrated} />
      <Words width={width} text={undo} />
      {leftInPlace.map((t, i) => (
        <Words key={outcome.skipped[i].file} width={width} color={tint(color, 'yellow')} text={t} />
      ))}
      {more !== '' ? <Words width={width} dimColor text={more} /> : null}
      <Text> </Text>
      <Words width={width} bold text={question} />
      <Words width={width} text={ASK_TEXT} />
      {next.slice(0, shown).map((c) => (
        <CommandLine key={c} width={width} command={c} />
      ))}
      {next.length > shown ? <Text dimColor>  … {next.length - shown} more</Text> : null}
      <WizardKeys width={width} keys={SUMMARY_KEYS} />
    </Box>
  )
}

/** `?`: every key the wizard knows. */
export function HelpScreen({width = 80}: ScreenProps) {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      <WizardKeys width={width} dim={false} keys={['↑ ↓ move or scroll', 'space toggle', 'enter go on', 'b back']} />
      <WizardKeys width={width} dim={false} keys={['r rename an entry', '← → or 1-3 choose for a shared key', '/ find a key', 'a accept the rest']} />
      <Words width={width} text="q, Esc or Ctrl-C cancel: nothing is written before you confirm" />
      <Words width={width} text="While applying, Ctrl-C stops after the file in hand and puts every file back" />
      <WizardKeys width={width} keys={['? close help']} />
    </Box>
  )
}
