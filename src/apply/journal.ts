import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {writeFileAtomic} from '../vault/fs-safe.js'

/**
 * Where a run is: `started` (journal written, nothing else certain), `vaulted` (every value stored and read
 * back), `backed-up` (every file to touch saved, encrypted), `done`, `rolling-back` (a rollback under way)
 * or `rolled-back`. Anything but `done` and `rolled-back` is unfinished: the next migrate or rollback undoes it.
 */
export type MigrationRunStatus = 'started' | 'vaulted' | 'backed-up' | 'done' | 'rolling-back' | 'rolled-back'

/** One file of a run, by hashes only: HMACs of the bytes before and after, never the bytes. */
export interface JournalFile {
  readonly relPath: string
  readonly before: string
  readonly after: string
  readonly mode: number
  /** The encrypted backup's file name inside the run's folder. */
  readonly backup: string
  state: 'pending' | 'written' | 'skipped' | 'restored' | 'conflict'
  note?: string
}

/** The journal of one run: names, paths and hashes only, never a value. */
export interface MigrationJournal {
  readonly schema: 'outloop.migrate-journal/v1'
  readonly run: string
  readonly root: string
  readonly createdAt: string
  status: MigrationRunStatus
  updatedAt: string
  /** The vault entry holding the key the backups are encrypted with. */
  readonly backupKeyRef: string
  /** Every entry the run points files at; `existed`: it was in the vault before, so purge leaves it. */
  readonly entries: readonly {ref: string; existed: boolean}[]
  readonly files: JournalFile[]
  interrupted?: boolean
  /** Stopped on request (Ctrl-C) and put back by the run itself. */
  stopped?: boolean
}

/** The folder holding every run's journal and backups. */
export function migrationsDir(home: string): string {
  return join(home, 'migrations')
}

/** A run id that sorts by time and is a valid vault name part: `20261126-051500-3fa2`. */
export function newRunId(now = new Date()): string {
  const iso = now.toISOString()
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${randomBytes(2).toString('hex')}`
}

/** The folder of one run. */
export function runDir(home: string, run: string): string {
  return join(migrationsDir(home), run)
}

/** Writes the journal atomically (0600): a crash leaves the previous state or the new one. */
export function writeJournal(home: string, journal: MigrationJournal): void {
  const dir = runDir(home, journal.run)
  mkdirSync(dir, {recursive: true, mode: 0o700})
  journal.updatedAt = new Date().toISOString()
  writeFileAtomic(join(dir, 'journal.json'), JSON.stringify(journal, null, 1) + '\n')
}

/** One run's journal, or null when there is none. */
export function readJournal(home: string, run: string): MigrationJournal | null {
  const path = join(runDir(home, run), 'journal.json')
  if (!existsSync(path)) return null
  return JSON.parse(readFileSync(path, 'utf8')) as MigrationJournal
}

/** Every run's journal, oldest first. */
export function listJournals(home: string): MigrationJournal[] {
  const dir = migrationsDir(home)
  if (!existsSync(dir)) return []
  const runs = readdirSync(dir, {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  // Two runs in one second share the id's time part: order by the journal's own time, to the millisecond.
  return runs
    .map((run) => readJournal(home, run))
    .filter((j): j is MigrationJournal => j !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

/** Whether a run stopped before it finished (a crash, a kill): it must be undone before anything else. */
export function isUnfinished(journal: MigrationJournal): boolean {
  return journal.status !== 'done' && journal.status !== 'rolled-back'
}
