import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {makeTempDir} from '../helpers/tree.js'
import {hasTmux, startCliTerminal, type CliTerminal} from '../helpers/terminal.js'

/** The vault's prompts on a real terminal (tmux): nothing typed is echoed, and --reveal works on a terminal. */
describe.skipIf(!hasTmux)('vault prompts on a terminal', () => {
  let home: string
  let cleanup: () => void
  let terminals: CliTerminal[]
  const start = (command: string): CliTerminal => {
    const terminal = startCliTerminal(command, {home, cols: 200, rows: 40})
    terminals.push(terminal)
    return terminal
  }

  beforeEach(() => {
    const tmp = makeTempDir('outloop-tty-')
    home = join(tmp.dir, 'home')
    cleanup = tmp.cleanup
    terminals = []
  })
  afterEach(() => {
    for (const terminal of terminals) terminal.kill()
    cleanup()
  })

  it('asks for a new passphrase twice and the value once, echoing none of them; --reveal prints to a terminal', async () => {
    const passphrase = 'tty pass ' + randomString(ALNUM, 12)
    const value = 'sk-tty-' + randomString(ALNUM, 40)
    const set = start('vault set outloop://acme/tty-key')
    await set.waitFor('(hidden):')
    set.type(value)
    set.keys('Enter')
    await set.waitFor('New vault passphrase:')
    set.type(passphrase)
    set.keys('Enter')
    await set.waitFor('Repeat it:')
    set.type(passphrase)
    set.keys('Enter')
    const after = await set.waitFor('EXIT=')
    expect(after).toContain('Stored outloop://acme/tty-key (version 1')
    expect(after).toContain('EXIT=0')
    expect(after).not.toContain(value)
    expect(after).not.toContain(passphrase)

    const get = start('vault get acme/tty-key --reveal')
    await get.waitFor('Vault passphrase:')
    get.type(passphrase)
    get.keys('Enter')
    const shown = await get.waitFor('EXIT=')
    expect(shown).toContain(value)
    expect(shown).not.toContain(passphrase)
    expect(shown).toContain('EXIT=0')
  })
})
