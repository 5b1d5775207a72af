import {rmSync} from 'node:fs'

import {isUnfinished, listJournals, readJournal, runDir, type MigrationJournal} from '../apply/journal.js'
import {ioFailureOf} from '../apply/io-failure.js'
import type {RestoreOutcome} from '../apply/restore.js'
import {lockMigrations, recoverUnfinishedRuns, undoRun} from '../apply/run.js'
import {CancelledError, UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {tryParseSecretRef} from '../vault/ref.js'
import {openVaultForService, type VaultServiceOptions} from './vault/store.js'

export interface RollbackServiceOptions extends VaultServiceOptions {
  /** The run to undo; default the latest finished one. */
  readonly run?: string
  /** Also delete the vault entries the run created (not those it found there), and its backups. */
  readonly purge?: boolean
  /**
   * Asked before anything is changed, with the run to undo (null when none is finished yet); false cancels.
   * Absent, the rollback goes ahead (`--yes`).
   */
  readonly confirm?: (question: {run: string | null; purge: boolean}) => Promise<boolean>
}

export interface RollbackOutcome {
  readonly run: string | null
  readonly outcome: RestoreOutcome | null
  readonly alreadyRolledBack: boolean
  readonly recovered: {run: string; outcome: RestoreOutcome}[]
  readonly purged: number
  /** Entries a purge kept because another run's files still point at them. */
  readonly keptInUse: number
}

/** Turns a write the file system refused into a UserError that says what state things are in; anything else goes on as it was. */
function refusedByFileSystem(what: string, state: string): (error: unknown) => never {
  return (error) => {
    const io = ioFailureOf(error)
    if (io === null) throw error
    throw new UserError(`${what}: ${io.reason}. ${state}`, `${io.fix.charAt(0).toUpperCase()}${io.fix.slice(1)}, then run outloop rollback again.`)
  }
}

/** The error for a run id with no journal. */
function noSuchRun(run: string): UserError {
  return new UserError(`There is no migration run ${run}.`, 'See the runs in the migrations folder of OUTLOOP_HOME, or run outloop rollback without RUN for the latest.')
}

/**
 * Undoes a migration run (`outloop rollback [RUN]`): unfinished runs first, then each file the run wrote
 * back to its original bytes, hashes checked first (a file edited since is reported, not overwritten).
 * Vault entries stay unless `purge`. The run itself (lock, recovery, undo) is src/apply/run.ts's.
 */
export async function rollbackMigration(options: RollbackServiceOptions): Promise<RollbackOutcome> {
  const home = options.home
  const {key: fingerprintKey} = loadFingerprintKey(home)
  const {store} = openVaultForService(options)
  if (options.run !== undefined && readJournal(home, options.run) === null) throw noSuchRun(options.run)
  if (options.confirm !== undefined) {
    const run = options.run ?? listJournals(home).filter((j) => j.status === 'done').at(-1)?.run ?? null
    if (!(await options.confirm({run, purge: options.purge === true}))) throw new CancelledError()
  }
  const release = await lockMigrations(home).catch(refusedByFileSystem(`Couldn't take the migrations lock in ${home}/migrations`, 'Nothing was changed.'))
  try {
    if (options.run !== undefined && readJournal(home, options.run) === null) throw noSuchRun(options.run)
    const recovered = await recoverUnfinishedRuns(home, store, fingerprintKey)
    let journal: MigrationJournal | null
    if (options.run !== undefined) journal = readJournal(home, options.run)
    else journal = listJournals(home).filter((j) => j.status === 'done').at(-1) ?? null
    if (journal === null) {
      if (recovered.length > 0) return {run: recovered.at(-1)?.run ?? null, outcome: recovered.at(-1)?.outcome ?? null, alreadyRolledBack: false, recovered, purged: 0, keptInUse: 0}
      throw new UserError('There is no migration to roll back.', 'Nothing was changed.')
    }
    const undoneNow = recovered.find((r) => r.run === journal.run)
    let outcome: RestoreOutcome | null = undoneNow?.outcome ?? null
    const alreadyRolledBack = journal.status === 'rolled-back' && undoneNow === undefined
    if (!alreadyRolledBack && outcome === null) outcome = await undoRun(home, journal, store, fingerprintKey)
    let purged = 0
    let keptInUse = 0
    // Files not put back yet still need their backups, and the entries their placeholders name.
    if (options.purge && (outcome?.failed.length ?? 0) === 0) {
      const inUse = new Set(listJournals(home).filter((j) => j.run !== journal.run && (j.status === 'done' || isUnfinished(j))).flatMap((j) => j.entries.map((e) => e.ref)))
      // With files left in conflict, their backups (and the key that opens them) are all that is left to recover from.
      const keepBackups = (outcome?.conflicts.length ?? 0) > 0
      const refs = [...journal.entries.filter((e) => !e.existed).map((e) => e.ref), ...(keepBackups ? [] : [journal.backupKeyRef])]
      for (const text of refs) {
        const ref = tryParseSecretRef(text, {requireScheme: true})
        if (ref === null) continue
        if (inUse.has(text)) {
          keptInUse++
          continue
        }
        if (await store.remove(ref)) purged++
      }
      // The backups are sealed under the key just removed: nothing can open them any more.
      if (!keepBackups) rmSync(`${runDir(home, journal.run)}/backups`, {recursive: true, force: true})
    }
    return {run: journal.run, outcome, alreadyRolledBack, recovered, purged, keptInUse}
  } catch (error) {
    // The file restores report their own failures; what reaches here is the journal, lock or backups folder.
    return refusedByFileSystem(`Couldn't finish the rollback's bookkeeping in ${home}/migrations`, 'The files already restored stay restored; running outloop rollback again checks each file again.')(error)
  } finally {
    release()
  }
}
