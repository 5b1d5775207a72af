import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {makeTempDir, REPO_ROOT} from '../helpers/tree.js'
import {hasTmux} from '../helpers/terminal.js'

/** The vault's prompts on a real terminal (tmux): nothing typed is echoed, and --reveal works on a terminal. */
describe.skipIf(!hasTmux)('vault prompts on a terminal', () => {
  let home: string
  let cleanup: () => void
  let socket: string
  let sockets: string[]

  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  const screen = (): string => tmux('capture-pane', '-p', '-t', 's')
  const waitFor = async (text: string): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      const shown = screen()
      if (shown.includes(text)) return shown
      await sleep(50)
    }
    throw new Error(`the terminal never showed "${text}":\n${screen()}`)
  }
  const start = (command: string): void => {
    // A fresh server per command: reusing a socket right after kill-server races its shutdown.
    socket = `outloop-test-${process.pid}-${randomString(ALNUM, 6)}`
    sockets.push(socket)
    const bin = join(REPO_ROOT, 'bin', 'run.js')
    tmux('new-session', '-d', '-s', 's', '-x', '200', '-y', '40', `env -u OUTLOOP_PASSPHRASE -u OUTLOOP_VAULT OUTLOOP_HOME='${home}' NO_COLOR=1 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent ${process.execPath} ${bin} ${command}; echo "EXIT=$?"; sleep 30`)
  }

  beforeEach(() => {
    const tmp = makeTempDir('outloop-tty-')
    home = join(tmp.dir, 'home')
    cleanup = tmp.cleanup
    sockets = []
  })
  afterEach(() => {
    for (const s of sockets) {
      try {
        execFileSync('tmux', ['-L', s, 'kill-server'], {stdio: 'ignore'})
      } catch {
        // already gone
      }
    }
    cleanup()
  })

  it('asks for a new passphrase twice and the value once, echoing none of them; --reveal prints to a terminal', async () => {
    const passphrase = 'tty pass ' + randomString(ALNUM, 12)
    const value = 'sk-tty-' + randomString(ALNUM, 40)
    start('vault set outloop://acme/tty-key')
    await waitFor('(hidden):')
    tmux('send-keys', '-t', 's', '-l', value)
    tmux('send-keys', '-t', 's', 'Enter')
    await waitFor('New vault passphrase:')
    tmux('send-keys', '-t', 's', '-l', passphrase)
    tmux('send-keys', '-t', 's', 'Enter')
    await waitFor('Repeat it:')
    tmux('send-keys', '-t', 's', '-l', passphrase)
    tmux('send-keys', '-t', 's', 'Enter')
    const after = await waitFor('EXIT=')
    expect(after).toContain('Stored outloop://acme/tty-key (version 1')
    expect(after).toContain('EXIT=0')
    expect(after).not.toContain(value)
    expect(after).not.toContain(passphrase)

    start('vault get acme/tty-key --reveal')
    await waitFor('Vault passphrase:')
    tmux('send-keys', '-t', 's', '-l', passphrase)
    tmux('send-keys', '-t', 's', 'Enter')
    const shown = await waitFor('EXIT=')
    expect(shown).toContain(value)
    expect(shown).not.toContain(passphrase)
    expect(shown).toContain('EXIT=0')
  })
})
