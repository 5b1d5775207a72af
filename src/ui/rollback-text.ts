import {escapeControlChars} from '../lib/display.js'
import type {RollbackOutcome} from '../services/rollback.js'

export const ROLLBACK_RESULT_SCHEMA = 'outloop.rollback/v1'

/** The question a rollback asks before it changes anything. */
export function rollbackQuestion(question: {run: string | null; purge: boolean}): string {
  return `Restore every file of ${question.run ?? 'the latest migration run'}${question.purge ? ' and delete the vault entries it created' : ''}?`
}

/** `n` with the noun in the number it takes: "1 file", "2 files", "0 files". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** The files a rollback could not put back yet, this run's and those of unfinished runs undone first. */
export function rollbackFailures(result: RollbackOutcome): {file: string; reason: string}[] {
  return [...(result.outcome?.failed ?? []), ...result.recovered.filter((r) => r.run !== result.run).flatMap((r) => r.outcome.failed)]
}

/**
 * A rollback's report: `stdout` holds the result (one JSON document with `json`), `stderr` the warnings
 * and, for files not put back, what to do next. Paths and reasons only, never a value.
 */
export function renderRollback(result: RollbackOutcome, options: {json: boolean; purge: boolean}): {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  const conflicts = result.outcome?.conflicts ?? []
  const failed = rollbackFailures(result)
  const journalNotSaved = [result.outcome, ...result.recovered.map((r) => r.outcome)].find((o) => o?.journalNotSaved !== undefined)?.journalNotSaved
  if (options.json) {
    stdout.push(
      JSON.stringify(
        {
          schema: ROLLBACK_RESULT_SCHEMA,
          run: result.run,
          alreadyRolledBack: result.alreadyRolledBack,
          restored: result.outcome?.restored ?? [],
          unchanged: result.outcome?.unchanged ?? [],
          conflicts,
          failed,
          recovered: result.recovered.map((r) => r.run),
          purged: result.purged,
          keptInUse: result.keptInUse,
        },
        null,
        2,
      ),
    )
  } else {
    for (const r of result.recovered) if (r.run !== result.run) stderr.push(`Undid unfinished run ${r.run}: ${count(r.outcome.restored.length, 'file')} restored.`)
    if (result.alreadyRolledBack) stdout.push(`Run ${result.run} was already rolled back.`)
    else stdout.push(`Rolled back run ${result.run}: ${count(result.outcome?.restored.length ?? 0, 'file')} restored, ${result.outcome?.unchanged.length ?? 0} already original${failed.length > 0 ? `, ${failed.length} not put back yet` : ''}.`)
    for (const c of conflicts) stderr.push(escapeControlChars(`Warning: ${c.file}: ${c.reason}`))
    if (options.purge && failed.length > 0) stdout.push('Nothing was purged: the files not put back yet still need their backups and vault entries.')
    else if (options.purge) stdout.push(`${count(result.purged, 'vault entry', 'vault entries')} deleted${result.keptInUse > 0 ? `; ${result.keptInUse} kept because another run's files point at them` : ''}.`)
    else stdout.push('The vault entries are kept (outloop rollback RUN --purge deletes the ones this run created).')
  }
  if (journalNotSaved !== undefined) stderr.push(`Warning: ${journalNotSaved}; the next outloop rollback checks the files again.`)
  if (failed.length > 0) {
    // Still holding placeholders, originals kept in the backups: the run stays unfinished until they are back.
    for (const f of failed) stderr.push(escapeControlChars(`Error: ${f.file}: ${f.reason}`))
    stderr.push(`Those files still hold placeholders; their originals are kept encrypted. Fix the cause, then run outloop rollback${result.run === null ? '' : ` ${result.run}`} again to put them back.`)
  }
  return {stdout, stderr}
}
