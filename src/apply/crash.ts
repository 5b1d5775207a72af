/** The points a migration or rollback can be killed at on purpose, to prove a crash there loses nothing. */
export type CrashPoint = 'journal' | 'vault' | 'backup' | 'write-temp' | 'write-first' | 'write-all' | 'rollback-first'

/**
 * Kills this very process with SIGKILL at `point` when OUTLOOP_TEST_CRASH_AT names it: no cleanup, no
 * finally, exactly as a power cut or an OOM kill would stop it. Only the crash-safety tests set it.
 */
export function crashPointReached(point: CrashPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env.OUTLOOP_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL')
  // A person pressing Ctrl-C at exactly this point: a real SIGINT, handled like any other.
  if (env.OUTLOOP_TEST_INTERRUPT_AT === point) process.kill(process.pid, 'SIGINT')
}
