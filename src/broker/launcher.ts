import {readFileSync} from 'node:fs'

import {isProcessAlive} from '../lib/process.js'

/**
 * The process that launched a session (`outloop run`), as a token names it: a session ends with its launcher,
 * so an agent orphaned by a killed launcher can't keep using a 12-hour token. The start time tells a reused
 * pid from the original on Linux.
 */
export interface LauncherIdentity {
  readonly pid: number
  /** Start time in clock ticks since boot (/proc/PID/stat field 22); null where there is no /proc. */
  readonly start: string | null
}

/** This process's identity, for the token it mints. */
export function currentLauncher(): LauncherIdentity {
  return {pid: process.pid, start: processStartTime(process.pid)}
}

/** Whether the launcher that minted a token is still the same running process. */
export function isLauncherAlive(launcher: LauncherIdentity): boolean {
  if (launcher.start === null) return isProcessAlive(launcher.pid)
  return processStartTime(launcher.pid) === launcher.start
}

function processStartTime(pid: number): string | null {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const start = fields[19]
  return start && /^\d+$/.test(start) ? start : null
}
