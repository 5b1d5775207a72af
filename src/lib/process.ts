import {readFileSync} from 'node:fs'

/** Whether a process with this pid exists on this machine (one owned by another user counts). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Resolves at the first SIGINT or SIGTERM: a foreground server's Ctrl-C, handled so it can stop cleanly. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

/**
 * Whether OUTLOOP_PASSPHRASE is in this process's environment block as it was started: /proc/PID/environ
 * shows that block to every process of the same user for as long as this one runs, whatever it deletes later.
 */
export function passphraseInEnvironBlock(): boolean {
  let block: Buffer
  try {
    block = readFileSync('/proc/self/environ')
  } catch {
    return false
  }
  return block.toString('latin1').split('\0').some((entry) => entry.startsWith('OUTLOOP_PASSPHRASE='))
}

/** The warning long-running commands give when passphraseInEnvironBlock() holds. */
export const PASSPHRASE_IN_ENVIRON_WARNING =
  'OUTLOOP_PASSPHRASE is in this process\'s environment block, which any process of your user can read in /proc while it runs. Start it through the installed outloop command (it moves the passphrase to a pipe), or keep the master key in the keychain (outloop init --master-key keychain).'
