import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {BugError} from '../lib/errors.js'
import {contentHashOf} from '../plan/migration-plan.js'
import {tryParseSecretRef} from '../vault/ref.js'
import type {SecretStore} from '../vault/types.js'
import {readEncryptedBackup} from './backup.js'
import {crashPointReached} from './crash.js'
import {runDir, type MigrationJournal} from './journal.js'
import {ioFailureOf} from './io-failure.js'
import {OwnerNotKeptError, removeStaleTempFiles, replaceFileAtomic} from './replace-file.js'

export interface RestoreOutcome {
  readonly restored: string[]
  /** Already holding their original bytes (never written, or restored before). */
  readonly unchanged: string[]
  /** Edited since the run wrote them (or gone): reported, never overwritten. */
  readonly conflicts: {file: string; reason: string}[]
  /**
   * Still holding what the run wrote, because putting the original back failed (a full disk, a read-only
   * folder) or could not keep the file's owner: the run stays unfinished, so the next rollback tries again.
   */
  readonly failed: {file: string; reason: string}[]
  /** Set when the journal could not record the outcome (the files are as the lists say). */
  journalNotSaved?: string
}

/** The run's backup key, from the vault. */
async function backupKeyOf(journal: MigrationJournal, store: SecretStore): Promise<Buffer> {
  const ref = tryParseSecretRef(journal.backupKeyRef, {requireScheme: true})
  const stored = ref === null ? null : await store.get(ref)
  if (stored === null) throw new BugError(`the backup key of run ${journal.run} is not in the vault`)
  return Buffer.from(stored.value.reveal(), 'hex')
}

/**
 * Puts every file a run wrote back to its original bytes, checking hashes first: a file that still holds
 * what the run wrote is restored from its encrypted backup; one that holds its original is left; one edited
 * since is reported and left alone; one that can't be written back (a full disk, a read-only folder, an
 * owner it can't keep) is listed as failed and keeps its state. Updates the journal's file states in memory;
 * the caller writes it.
 */
export async function restoreRunFiles(journal: MigrationJournal, store: SecretStore, home: string, fingerprintKey: Buffer): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = {restored: [], unchanged: [], conflicts: [], failed: []}
  let key: Buffer | undefined
  for (const file of journal.files) {
    if (file.state === 'skipped') continue
    const path = join(journal.root, file.relPath)
    // A kill in the middle of a replacement leaves its temp file beside the original.
    if (journal.status === 'rolling-back') removeStaleTempFiles(path)
    if (!existsSync(path)) {
      outcome.conflicts.push({file: file.relPath, reason: 'the file is gone; its backup is kept'})
      file.state = 'conflict'
      continue
    }
    let hash: string
    try {
      hash = contentHashOf(fingerprintKey, readFileSync(path))
    } catch (error) {
      const io = ioFailureOf(error)
      if (io === null) throw error
      outcome.failed.push({file: file.relPath, reason: `can't read it: ${io.reason}`})
      continue
    }
    if (hash === file.before) {
      outcome.unchanged.push(file.relPath)
      file.state = 'restored'
      continue
    }
    if (file.after === '' || hash !== file.after) {
      outcome.conflicts.push({file: file.relPath, reason: 'edited since the migration wrote it: not overwritten'})
      file.state = 'conflict'
      continue
    }
    key ??= await backupKeyOf(journal, store)
    const original = readEncryptedBackup(join(runDir(home, journal.run), file.backup), key, journal.run, file.relPath)
    if (original === null || contentHashOf(fingerprintKey, original) !== file.before) {
      outcome.conflicts.push({file: file.relPath, reason: 'its backup is missing or damaged: the file was left as it is'})
      file.state = 'conflict'
      continue
    }
    try {
      replaceFileAtomic(path, original)
    } catch (error) {
      const io = ioFailureOf(error)
      if (io === null && !(error instanceof OwnerNotKeptError)) throw error
      outcome.failed.push({file: file.relPath, reason: io !== null ? `can't write it back: ${io.reason}` : `not put back: ${(error as Error).message}`})
      continue
    }
    file.state = 'restored'
    outcome.restored.push(file.relPath)
    if (outcome.restored.length === 1) crashPointReached('rollback-first')
  }
  return outcome
}
