import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {REPO_ROOT} from './tree.js'

/** Whether tmux is installed, for the tests that drive the real CLI in a terminal. */
export const hasTmux = ((): boolean => {
  try {
    execFileSync('tmux', ['-V'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

/** The real CLI running in a tmux terminal of a fixed size, driven key by key. */
export interface CliTerminal {
  /** Every screen captured so far, for checking that no planted value was ever shown. */
  readonly screens: string[]
  readonly screen: () => string
  /** The screen with the rows the terminal folded (a line wider than it) joined back, as a copy would read them. */
  readonly unfolded: () => string
  /** The screen once it shows `text`; throws, quoting the screen, after 30 s. */
  readonly waitFor: (text: string) => Promise<string>
  /** tmux key names (`Enter`, `BSpace`, `C-c`) or plain keys. */
  readonly keys: (...keys: string[]) => void
  /** Literal text, typed as is. */
  readonly type: (text: string) => void
  readonly kill: () => void
}

/**
 * Starts `outloop <command>` in its own tmux server (a fresh one each time: reusing a socket right after
 * kill-server races its shutdown), without the vault passphrase, CI or a keychain bus from this process,
 * printing `EXIT=<code>` when it ends. `env` is extra `NAME=value` words for the command's environment.
 */
export function startCliTerminal(command: string, options: {home: string; cols: number; rows: number; env?: string}): CliTerminal {
  const socket = `outloop-tty-${process.pid}-${randomString(ALNUM, 6)}`
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  const bin = join(REPO_ROOT, 'bin', 'run.js')
  const env = `env -u OUTLOOP_PASSPHRASE -u OUTLOOP_VAULT -u CI -u CONTINUOUS_INTEGRATION OUTLOOP_HOME='${options.home}' NO_COLOR=1 ${options.env ?? ''} DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent`
  tmux('new-session', '-d', '-s', 's', '-x', String(options.cols), '-y', String(options.rows), `${env} ${process.execPath} ${bin} ${command}; echo "EXIT=$?"; sleep 30`)
  const screens: string[] = []
  const screen = (): string => {
    const shown = tmux('capture-pane', '-p', '-t', 's')
    screens.push(shown)
    return shown
  }
  return {
    screens,
    screen,
    async waitFor(text) {
      for (let i = 0; i < 600; i++) {
        const shown = screen()
        if (shown.includes(text)) return shown
        await sleep(50)
      }
      throw new Error(`the terminal never showed "${text}":\n${screen()}`)
    },
    unfolded() {
      const shown = tmux('capture-pane', '-p', '-J', '-t', 's')
      screens.push(shown)
      return shown
    },
    keys: (...keys) => void tmux('send-keys', '-t', 's', ...keys),
    type: (text) => void tmux('send-keys', '-t', 's', '-l', text),
    kill() {
      try {
        execFileSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'})
      } catch {
        // already gone
      }
    },
  }
}
