import {mkdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {CancelledError, UserError} from '../lib/errors.js'
import {SecretValue} from '../lib/secret-value.js'
import {contentHashOf, type MigrationPlan} from '../plan/migration-plan.js'
import {applyEdits, RewriteError, verifyRewrite} from '../rewrite/index.js'
import {randomKey} from '../vault/crypto.js'
import {acquireFileLock} from '../vault/fs-safe.js'
import {BACKUP_KEY_TENANT} from '../vault/internal.js'
import {formatSecretRef, type SecretRef} from '../vault/ref.js'
import {VaultConflictError, type SecretStore} from '../vault/types.js'
import {writeEncryptedBackup} from './backup.js'
import {crashPointReached} from './crash.js'
import {ioFailureOf, listSome, type IoFailure} from './io-failure.js'
import {isUnfinished, listJournals, migrationsDir, newRunId, runDir, writeJournal, type JournalFile, type MigrationJournal} from './journal.js'
import {OwnerNotKeptError, ownerNotKeptBy, replaceFileAtomic} from './replace-file.js'
import {restoreRunFiles, type RestoreOutcome} from './restore.js'

// A migration run, whole: the lock, undoing unfinished runs, the three phases (vault, backups, files),
// stopping on request (Ctrl-C) and undoing a run. Services plan and report; only this module runs.

/** A run stopped on request part-way (Ctrl-C): its files are back as they were; exit 130 like a cancel. */
export class MigrationStoppedError extends CancelledError {
  constructor(
    readonly run: string,
    readonly outcome: RestoreOutcome,
  ) {
    const restored = outcome.restored.length
    const kept =
      (outcome.conflicts.length > 0 ? ` ${outcome.conflicts.length === 1 ? '1 file changed meanwhile was left as it is' : `${outcome.conflicts.length} files changed meanwhile were left as they are`} (outloop rollback ${run} lists them).` : '') +
      (outcome.failed.length > 0 ? ` ${outcome.failed.length} could not be put back yet (${listSome(outcome.failed.map((f) => `${f.file}: ${f.reason}`), 3)}): run outloop rollback ${run} once that is fixed.` : '')
    super(
      `Stopped: ${restored === 0 ? 'no file had been rewritten yet' : restored === 1 ? 'the 1 file already rewritten was restored' : `the ${restored} files already rewritten were restored`}, so the client files are as they were.${kept} Values already stored stay in the vault; outloop rollback ${run} --purge removes them.`,
    )
    this.name = 'MigrationStoppedError'
  }
}

/**
 * A run the file system stopped part-way (a full disk, a read-only folder, no permission): exit 2 with what
 * failed, which files were written and put back (or are still rewritten), and what to run next.
 */
export class MigrationWriteError extends UserError {
  constructor(
    message: string,
    hint: string,
    readonly run: string | null,
    readonly outcome: RestoreOutcome | null,
  ) {
    super(message, hint)
    this.name = 'MigrationWriteError'
  }
}

/** Where a run was when the file system refused a write, for the message. */
type RunStep = {kind: 'home'} | {kind: 'journal'} | {kind: 'vault'; location: string} | {kind: 'backup'; file: string} | {kind: 'rewrite'; file: string}

/** What the refused write was, in words. */
function failedStepText(step: RunStep, home: string, run: string | null): string {
  const where = run === null ? migrationsDir(home) : runDir(home, run)
  switch (step.kind) {
    case 'home':
      return `Couldn't write in ${migrationsDir(home)}`
    case 'journal':
      return `Couldn't write the migration journal in ${where}`
    case 'vault':
      return `Couldn't store the keys in ${step.location}`
    case 'backup':
      return `Couldn't save the encrypted backup of ${step.file} in ${where}`
    case 'rewrite':
      return `Couldn't rewrite ${step.file}`
  }
}

/**
 * The error for a run the file system stopped: the files it had written are put back first (as a stop
 * would), then the message says exactly where things stand: what failed, what was put back, what could
 * not be, and the command that finishes the job.
 */
async function runStoppedByFileSystem(
  io: IoFailure,
  step: RunStep,
  context: {home: string; root: string; journal: MigrationJournal | null; written: readonly string[]; stored: boolean; store: SecretStore; fingerprintKey: Buffer},
): Promise<MigrationWriteError> {
  const {home, journal} = context
  const failed = `${failedStepText(step, home, journal?.run ?? null)}: ${io.reason}.`
  if (journal === null) return new MigrationWriteError(`${failed} Nothing was changed.`, `${capitalized(io.fix)}, then run the migration again.`, null, null)
  const run = journal.run
  let outcome: RestoreOutcome | null = null
  let undoFailure: IoFailure | null = null
  try {
    outcome = await undoRun(home, journal, context.store, context.fingerprintKey, 'interrupted')
  } catch (error) {
    undoFailure = ioFailureOf(error)
    if (undoFailure === null) throw error
  }
  const parts = [failed]
  const hintFix = capitalized(io.fix)
  if (outcome === null) {
    parts.push(
      context.written.length === 0
        ? 'No client file had been rewritten yet.'
        : `${files(context.written.length)} had been rewritten (${listSome(context.written)}), and putting them back failed too: ${undoFailure?.reason}. They hold placeholders now; their originals are kept encrypted in the run's backups.`,
    )
    if (context.stored) parts.push('Values already stored stay in the vault.')
    return new MigrationWriteError(parts.join(' '), `${hintFix}, then run outloop rollback ${run} (outloop migrate does it first too).`, run, null)
  }
  const back = outcome.restored
  const allBack = outcome.failed.length === 0 && outcome.conflicts.length === 0
  if (context.written.length === 0) parts.push('No client file had been rewritten yet, so every client file is as it was.')
  else if (allBack) parts.push(`The ${files(back.length)} already rewritten ${back.length === 1 ? 'was' : 'were'} put back from the run's backups (${listSome(back)}), so every client file is as it was.`)
  else {
    if (back.length > 0) parts.push(`${files(back.length)} already rewritten ${back.length === 1 ? 'was' : 'were'} put back (${listSome(back)}).`)
    if (outcome.failed.length > 0) parts.push(`${files(outcome.failed.length)} could not be put back yet and still hold placeholders, their originals kept encrypted in the run's backups: ${listSome(outcome.failed.map((f) => `${f.file} (${f.reason})`))}.`)
    if (outcome.conflicts.length > 0) parts.push(`${files(outcome.conflicts.length)} changed meanwhile and were left as they are: ${listSome(outcome.conflicts.map((c) => c.file))}.`)
  }
  if (outcome.journalNotSaved !== undefined) parts.push(`(${capitalized(outcome.journalNotSaved)}, so the next outloop migrate or rollback checks these files again.)`)
  if (context.stored) parts.push(`Values already stored stay in the vault${outcome.failed.length === 0 ? ` (outloop rollback ${run} --purge removes them)` : ''}.`)
  const hint = outcome.failed.length > 0 ? `${hintFix}, then run outloop rollback ${run} to put the rest back.` : `${hintFix}, then run the migration again (outloop migrate ${context.root} --dry-run to review it first).`
  return new MigrationWriteError(parts.join(' '), hint, run, outcome)
}

/** "1 file", "3 files". */
function files(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`
}

/** Why a file whose owner can't be kept was left in place, and how to move it. */
function ownerSkipReason(refused: OwnerNotKeptError): string {
  return `left in place: ${refused.message}; run the migration as root or as the file's owner to move it`
}

/** The text with its first letter capital, to start a sentence. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}


/**
 * Puts every file of a run back (the journal marked `rolling-back` first, so a kill during the undo is
 * finished by the next migrate or rollback) and closes it as `rolled-back`; `why` records how the run ended.
 * A file that can't be put back leaves the run unfinished, for the next rollback to try again. A journal the
 * disk refuses does not stop the undo: the files are restored anyway, and the outcome says the journal lags.
 */
export async function undoRun(home: string, journal: MigrationJournal, store: SecretStore, fingerprintKey: Buffer, why?: 'interrupted' | 'stopped'): Promise<RestoreOutcome> {
  let journalNotSaved: string | undefined
  const record = (): void => {
    try {
      writeJournal(home, journal)
    } catch (error) {
      const io = ioFailureOf(error)
      if (io === null) throw error
      journalNotSaved ??= `the journal in ${runDir(home, journal.run)} could not be updated: ${io.reason}`
    }
  }
  if (journal.status !== 'rolling-back') {
    journal.status = 'rolling-back'
    if (why !== undefined) journal[why] = true
    record()
  }
  const outcome = await restoreRunFiles(journal, store, home, fingerprintKey)
  if (outcome.failed.length === 0) journal.status = 'rolled-back'
  record()
  return journalNotSaved === undefined ? outcome : {...outcome, journalNotSaved}
}

/** Undoes every unfinished run (a crash or kill part-way): files back to their originals, journals closed. */
export async function recoverUnfinishedRuns(home: string, store: SecretStore, fingerprintKey: Buffer): Promise<{run: string; outcome: RestoreOutcome}[]> {
  const recovered: {run: string; outcome: RestoreOutcome}[] = []
  for (const journal of listJournals(home).filter(isUnfinished)) recovered.push({run: journal.run, outcome: await undoRun(home, journal, store, fingerprintKey, 'interrupted')})
  return recovered
}

/**
 * Whether a stop was asked for. The file loops run without awaiting I/O, so every ~15 ms (and always when
 * `settle` is set, before a run is declared done) they give the event loop a full turn, through its poll
 * phase, where a signal is delivered: a Ctrl-C (a signal, or a key in the wizard) is seen between files.
 */
function stopCheck(signal: AbortSignal | undefined): (settle?: boolean) => Promise<boolean> {
  let turn = Date.now()
  const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  return async (settle = false) => {
    if (signal === undefined) return false
    if (settle || Date.now() - turn >= 15) {
      // Two turns: from a poll-phase callback, the first immediate runs before the loop polls again.
      await immediate()
      await immediate()
      turn = Date.now()
    }
    return signal.aborted
  }
}

/** Takes the migrations lock (one migrate or rollback at a time). */
export async function lockMigrations(home: string): Promise<() => void> {
  mkdirSync(migrationsDir(home), {recursive: true, mode: 0o700})
  return acquireFileLock(join(migrationsDir(home), 'lock'), {what: 'The migration journal', timeoutMs: 10_000})
}


/** Stores a value and reads it back: only a value seen in the vault counts as moved. */
async function storeVerified(store: SecretStore, ref: SecretRef, value: SecretValue, extra: {provider: string | null; files: readonly string[]; count: number}): Promise<'created' | 'reused'> {
  let outcome: 'created' | 'reused' = 'created'
  const current = await store.get(ref)
  if (current !== null) {
    if (!current.value.equals(value)) throw new UserError(`${formatSecretRef(ref)} changed in the vault since the plan was made: nothing was rewritten.`, 'Run outloop migrate again to plan with the vault as it is now.')
    outcome = 'reused'
  } else {
    try {
      await store.put(ref, {value, provider: extra.provider, sources: {files: [...extra.files], count: extra.count}, expectedVersion: 0})
    } catch (error) {
      if (!(error instanceof VaultConflictError)) throw error
    }
  }
  const check = await store.get(ref)
  if (check === null || !check.value.equals(value)) throw new UserError(`${formatSecretRef(ref)} did not read back as written: nothing was rewritten.`, 'Check the vault (outloop vault list), then run outloop migrate again.')
  return outcome
}


export interface MigrationRunOptions {
  /** OUTLOOP_HOME: the journals, backups and lock live in its migrations folder. */
  readonly home: string
  /** The folder the plan's paths are relative to, resolved. */
  readonly root: string
  /** The vault, already opened: a missing passphrase fails before anything is journaled. */
  readonly store: SecretStore
  readonly fingerprintKey: Buffer
  /**
   * The plan a person confirmed (refused if an unfinished run had to be undone first: it no longer fits the
   * files), or how to make one once unfinished runs are undone.
   */
  readonly plan: {readonly confirmed: MigrationPlan} | {readonly make: () => Promise<MigrationPlan>}
  /** Conversation for long runs ("120 files rewritten"); never a value. */
  readonly onProgress?: (message: string) => void
  /** Stops the run (the wizard's Ctrl-C key): the file being written is finished, then every file of the run is put back. */
  readonly signal?: AbortSignal
  /** Told once when SIGINT or SIGTERM asks the run to stop, which it then does as for `signal`. */
  readonly onStopSignal?: () => void
}

/** What a run did; `run` is null when the plan had nothing to rewrite. */
export interface MigrationRunOutcome {
  readonly run: string | null
  readonly plan: MigrationPlan
  readonly created: number
  readonly reused: number
  readonly written: string[]
  readonly skipped: {file: string; reason: string}[]
  /** Unfinished runs found and undone before this one. */
  readonly recovered: {run: string; outcome: RestoreOutcome}[]
}

/**
 * Turns SIGINT and SIGTERM into a stop request for as long as a run holds the lock, instead of an exit: a
 * run killed mid-file is recovered later, but one asked to stop finishes its file and puts everything back now.
 */
function stopRequestsFromSignals(onStop: (() => void) | undefined): {signal: AbortSignal; off: () => void} {
  const controller = new AbortController()
  const stop = (): void => {
    if (!controller.signal.aborted) onStop?.()
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return {
    signal: controller.signal,
    off: () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    },
  }
}

/**
 * Applies a migration plan in the order that loses nothing: lock; undo any unfinished run; journal; every
 * value stored in the vault and read back; every file backed up encrypted; each file replaced atomically after
 * its rewrite verified (a file changed since the plan is skipped); journal done. Idempotent: a second run
 * finds nothing to do.
 */
export async function applyMigrationRun(options: MigrationRunOptions): Promise<MigrationRunOutcome> {
  const stopOnSignals = stopRequestsFromSignals(options.onStopSignal)
  try {
    return await runLocked(options, options.signal === undefined ? stopOnSignals.signal : AbortSignal.any([options.signal, stopOnSignals.signal]))
  } finally {
    stopOnSignals.off()
  }
}

/** The run itself, under the migrations lock; `signal` asks it to stop. */
async function runLocked(options: MigrationRunOptions, signal: AbortSignal): Promise<MigrationRunOutcome> {
  const {home, root, store, fingerprintKey} = options
  const progress = options.onProgress ?? (() => {})
  // Where the run is, so a write the file system refuses is told as what it did to the files, and undone.
  const at: {step: RunStep; journal: MigrationJournal | null; written: string[]; stored: boolean} = {step: {kind: 'home'}, journal: null, written: [], stored: false}
  const stoppedByFileSystem = async (error: unknown): Promise<never> => {
    const io = ioFailureOf(error)
    if (io === null) throw error
    throw await runStoppedByFileSystem(io, at.step, {home, root, journal: at.journal, written: at.written, stored: at.stored, store, fingerprintKey})
  }
  const release = await lockMigrations(home).catch(stoppedByFileSystem)
  try {
    const recovered = await recoverUnfinishedRuns(home, store, fingerprintKey)
    for (const r of recovered) progress(`Undid unfinished run ${r.run}: ${r.outcome.restored.length} ${r.outcome.restored.length === 1 ? 'file' : 'files'} restored${r.outcome.conflicts.length > 0 ? `, ${r.outcome.conflicts.length} edited since and left alone` : ''}.`)
    const stuck = recovered.find((r) => r.outcome.failed.length > 0)
    if (stuck !== undefined) {
      // Undoing an unfinished run comes first; a new run on top of one half undone would mix the two.
      throw new UserError(
        `Unfinished run ${stuck.run} could not be fully undone: ${listSome(stuck.outcome.failed.map((f) => `${f.file} (${f.reason})`))}. Nothing else was changed.`,
        `Fix that, then run outloop rollback ${stuck.run}, and migrate again.`,
      )
    }
    if ('confirmed' in options.plan && recovered.length > 0) {
      // The confirmed plan was made with that run's files half rewritten, and with choices (clients left out)
      // a fresh plan would not know: applying either would write what nobody confirmed.
      const runs = recovered.map((r) => r.run).join(', ')
      throw new UserError(`Unfinished run ${runs} was undone first, so the plan you confirmed no longer fits the files: nothing else was changed.`, 'Run outloop migrate again to plan from the files as they are now.')
    }
    const plan = 'confirmed' in options.plan ? options.plan.confirmed : await options.plan.make()
    const skipped = plan.skipped.map((s) => ({file: s.relPath, reason: s.reason}))
    const base = {plan, recovered}
    if (plan.files.length === 0) return {...base, run: null, created: 0, reused: 0, written: [], skipped}

    const run = newRunId()
    const backupRef: SecretRef = {tenant: BACKUP_KEY_TENANT, name: `backup-${run}`}
    const journal: MigrationJournal = {
      schema: 'outloop.migrate-journal/v1',
      run,
      root,
      createdAt: new Date().toISOString(),
      updatedAt: '',
      status: 'started',
      backupKeyRef: formatSecretRef(backupRef),
      entries: plan.entries.map((e) => ({ref: e.placeholder, existed: e.existing})),
      files: plan.files.map((f, i): JournalFile => ({relPath: f.relPath, before: f.contentHash, after: '', mode: 0, backup: `backups/${String(i).padStart(6, '0')}.bak`, state: 'pending'})),
    }
    at.step = {kind: 'journal'}
    writeJournal(home, journal)
    at.journal = journal
    crashPointReached('journal')
    const stopRequested = stopCheck(signal)
    const stopNow = async (): Promise<never> => {
      throw new MigrationStoppedError(run, await undoRun(home, journal, store, fingerprintKey, 'stopped'))
    }

    // 1. Every value into the vault, read back. Nothing in any client file has changed yet.
    progress(`Storing ${plan.entries.length} vault ${plan.entries.length === 1 ? 'entry' : 'entries'}, each read back…`)
    const backupKey = randomKey()
    at.step = {kind: 'vault', location: store.location}
    await storeVerified(store, backupRef, new SecretValue(backupKey.toString('hex')), {provider: null, files: [], count: 0})
    at.stored = true
    let created = 0
    let reused = 0
    for (const [i, entry] of plan.entries.entries()) {
      if (await stopRequested()) await stopNow()
      const outcome = await storeVerified(store, entry.ref, entry.value, {provider: entry.provider, files: entry.files, count: entry.occurrences})
      if (outcome === 'created') created++
      else reused++
      if ((i + 1) % 200 === 0) progress(`${i + 1} of ${plan.entries.length} vault entries stored and verified`)
    }
    journal.status = 'vaulted'
    at.step = {kind: 'journal'}
    writeJournal(home, journal)
    crashPointReached('vault')

    // 2. Each file's rewrite verified and its original saved, encrypted, before any file is touched.
    if (await stopRequested(true)) await stopNow()
    progress(`Checking each rewrite and backing up ${plan.files.length} ${plan.files.length === 1 ? 'file' : 'files'}, encrypted…`)
    mkdirSync(join(runDir(home, run), 'backups'), {recursive: true, mode: 0o700})
    const outputs = new Map<string, Buffer>()
    for (const [i, file] of plan.files.entries()) {
      if (await stopRequested()) await stopNow()
      const entry = journal.files[i]
      const skip = (reason: string): void => {
        entry.state = 'skipped'
        entry.note = reason
        skipped.push({file: file.relPath, reason})
      }
      const path = join(root, file.relPath)
      at.step = {kind: 'backup', file: file.relPath}
      const bytes = readFileSync(path)
      if (contentHashOf(fingerprintKey, bytes) !== file.contentHash) {
        skip('changed since the plan was made: not rewritten')
        continue
      }
      const ownerRefused = ownerNotKeptBy(statSync(path))
      if (ownerRefused !== null) {
        skip(ownerSkipReason(ownerRefused))
        continue
      }
      const text = bytes.toString('utf8')
      let after: string
      try {
        after = applyEdits(text, file.edits, file.relPath)
      } catch (error) {
        if (!(error instanceof RewriteError)) throw error
        skip(`line ${error.line}: the rewrite did not fit: not rewritten`)
        continue
      }
      const verification = verifyRewrite(file.relPath, text, after, file.edits)
      if (!verification.ok) {
        const problem = verification.problems[0]
        skip(`line ${problem.line}, column ${problem.column}: ${problem.reason}: not rewritten`)
        continue
      }
      const output = Buffer.from(after, 'utf8')
      writeEncryptedBackup(join(runDir(home, run), entry.backup), backupKey, run, file.relPath, bytes)
      Object.assign(entry, {after: contentHashOf(fingerprintKey, output), mode: statSync(path).mode & 0o7777})
      outputs.set(file.relPath, output)
      if ((i + 1) % 500 === 0) progress(`${i + 1} of ${plan.files.length} files checked and backed up`)
    }
    journal.status = 'backed-up'
    at.step = {kind: 'journal'}
    writeJournal(home, journal)
    crashPointReached('backup')

    // 3. Atomic replacement, each file checked once more just before. A stop asked for until now writes nothing.
    if (await stopRequested(true)) await stopNow()
    progress(`Rewriting ${outputs.size} ${outputs.size === 1 ? 'file' : 'files'}…`)
    const written = at.written
    for (const [i, file] of plan.files.entries()) {
      const entry = journal.files[i]
      const output = outputs.get(file.relPath)
      if (entry.state === 'skipped' || output === undefined) continue
      // Between files only: each replacement is atomic, so a stop never leaves a file half written.
      if (await stopRequested()) await stopNow()
      const path = join(root, file.relPath)
      at.step = {kind: 'rewrite', file: file.relPath}
      if (contentHashOf(fingerprintKey, readFileSync(path)) !== file.contentHash) {
        entry.state = 'skipped'
        entry.note = 'changed since the plan was made: not rewritten'
        skipped.push({file: file.relPath, reason: entry.note})
        continue
      }
      try {
        replaceFileAtomic(path, output)
      } catch (error) {
        if (!(error instanceof OwnerNotKeptError)) throw error
        entry.state = 'skipped'
        entry.note = ownerSkipReason(error)
        skipped.push({file: file.relPath, reason: entry.note})
        continue
      }
      if (contentHashOf(fingerprintKey, readFileSync(path)) !== entry.after) throw new UserError(`${file.relPath} did not read back as written.`, 'Run outloop rollback to restore every file of this run from its backup.')
      entry.state = 'written'
      written.push(file.relPath)
      if (written.length === 1) crashPointReached('write-first')
      if (written.length % 500 === 0) progress(`${written.length} files rewritten`)
    }
    crashPointReached('write-all')
    if (await stopRequested(true)) await stopNow()
    journal.status = 'done'
    at.step = {kind: 'journal'}
    writeJournal(home, journal)
    return {...base, run, created, reused, written, skipped}
  } catch (error) {
    return await stoppedByFileSystem(error)
  } finally {
    release()
  }
}
