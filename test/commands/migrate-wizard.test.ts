import {readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readWorkspaceBindings} from '../../src/broker/bindings.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'
import {hasTmux, startCliTerminal, type CliTerminal} from '../helpers/terminal.js'

/** The real CLI in an 80x24 terminal (tmux), driven key by key through the wizard. */
describe.skipIf(!hasTmux)('outloop migrate wizard on a terminal', () => {
  let dir: string
  let home: string
  let root: string
  let cleanup: () => void
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const passphrase = 'wizard pass ' + randomString(ALNUM, 12)
  const secrets = [openai, stripe, passphrase]

  let terminal: CliTerminal | undefined
  const start = (command: string, env = '', cols = 80): void => void (terminal = startCliTerminal(command, {home, cols, rows: 24, env}))
  const waitFor = (text: string): Promise<string> => terminal!.waitFor(text)
  const keys = (...k: string[]): void => terminal!.keys(...k)
  const type = (text: string): void => terminal!.type(text)
  const screens = (): string[] => terminal?.screens ?? []

  beforeEach(() => {
    const tmp = makeTempDir('outloop-wizard-')
    dir = tmp.dir
    cleanup = tmp.cleanup
    home = join(dir, 'home')
    root = join(dir, 'clients')
    writeTree(root, {
      'acme/.env': `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY=${stripe}\n`,
      'globex/.env': `OPENAI_API_KEY=${openai}\n`,
    })
  })
  afterEach(() => {
    terminal?.kill()
    terminal = undefined
    cleanup()
  })

  const newVault = async (): Promise<void> => {
    await waitFor('New vault passphrase:')
    type(passphrase)
    keys('Enter')
    await waitFor('Repeat it:')
    type(passphrase)
    keys('Enter')
  }

  /** From a new vault through the overview and the clients (all kept) to the first key under review. */
  const reachReview = async (): Promise<void> => {
    await newVault()
    await waitFor('Found in 2 clients')
    keys('Enter')
    await waitFor('Choose clients (2 of 2)')
    keys('Enter')
    await waitFor('Key 1 of 2')
  }

  /** Listens on the access layer's default port for the test's length (unless something already does): no test may need it. */
  const holdDefaultPort = (): Promise<Server | null> =>
    new Promise((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(null))
      server.listen(7745, '127.0.0.1', () => resolve(server))
    })

  it('walks the whole flow, renames an entry, applies, and shows no key on screen', async () => {
    const held = await holdDefaultPort()
    try {
      await walkWholeFlow()
    } finally {
      held?.close()
    }
  })

  const walkWholeFlow = async (): Promise<void> => {
    // The broker on a free port: with the default one taken (an outloop serve, another test) this still passes.
    start(`migrate '${root}' --port 0`)
    await reachReview()
    keys('Enter')
    await waitFor('Key 2 of 2')
    keys('r')
    await waitFor('▏')
    for (let i = 0; i < 20; i++) keys('BSpace')
    type('stripe-main')
    await waitFor('stripe-main▏')
    keys('Enter')
    await waitFor('Entry name: stripe-main\n')
    keys('Enter')
    await waitFor('Changes')
    keys('Enter')
    await waitFor('Apply: 3 vault entries for 2 clients')
    keys('Enter')
    await waitFor('Undo with: outloop rollback')
    const summary = await waitFor('and start the access layer now?')
    // The next steps, each on a row of its own, to copy as they are.
    const summaryRows = summary.split('\n').map((l) => l.trim())
    for (const tenant of ['acme', 'globex']) expect(summaryRows).toContain(`outloop connect ${join(root, tenant)} --tenant ${tenant}`)
    expect(summaryRows.some((l) => /^Undo with: outloop rollback \S+$/.test(l))).toBe(true)
    // One confirmation: both folders connected, a starter policy written, the broker serving until Ctrl-C.
    keys('y')
    const serving = await waitFor('Ctrl-C stops it.')
    const url = /Access layer listening on (http:\/\/127\.0\.0\.1:\d+)\. Ctrl-C/.exec(serving.replace(/\n/g, ''))?.[1]
    expect(url, serving).toBeDefined()
    expect(url).not.toBe('http://127.0.0.1:7745')
    expect((await fetch(`${url}/_outloop/health`)).status).toBe(200)
    expect(readWorkspaceBindings(home).map((b) => [b.tenant, b.dir])).toEqual([
      ['acme', join(root, 'acme')],
      ['globex', join(root, 'globex')],
    ])
    expect(readFileSync(join(home, 'policy.yaml'), 'utf8')).toContain('secret: stripe-main')
    keys('C-c')
    await waitFor('Access layer stopped.')
    const end = await waitFor('EXIT=')
    expect(end).toContain('EXIT=0')

    const acme = readFileSync(join(root, 'acme/.env'), 'utf8')
    expect(acme).toContain('outloop://acme/openai-api-key')
    expect(acme).toContain('outloop://acme/stripe-main')
    expect(readFileSync(join(root, 'globex/.env'), 'utf8')).toContain('outloop://globex/openai-api-key')
    const env = {OUTLOOP_PASSPHRASE: passphrase}
    const list = await runCli(['vault', 'list'], {home, env})
    expect(list.stdout).toContain('acme/stripe-main')
    const reveal = await runCli(['vault', 'get', 'outloop://acme/stripe-main', '--reveal', '--force'], {home, env})
    expect(reveal.stdout.trim()).toBe(stripe)
    expectNoSecrets([...screens(), acme, list.stdout, list.stderr], secrets)
  }

  /** A vault made beforehand with the passphrase, so the wizard asks for it to unlock. */
  const existingVault = async (): Promise<void> => {
    const made = await runCli(['init', '--master-key', 'passphrase'], {home, env: {OUTLOOP_PASSPHRASE: passphrase}})
    expect(made.code, made.stderr).toBe(0)
  }

  it('a wrong passphrase can be typed again: told how many tries are left, the right one opens the wizard', async () => {
    await existingVault()
    start(`migrate '${root}'`)
    await waitFor('Vault passphrase:')
    type('not the passphrase')
    keys('Enter')
    await waitFor('Wrong passphrase, try again (2 left)')
    type(passphrase)
    keys('Enter')
    const overview = await waitFor('Found in 2 clients')
    expect(overview).not.toContain('(1 left)')
    keys('q')
    expect(await waitFor('EXIT=')).toContain('EXIT=130')
    expectNoSecrets(screens(), secrets)
  })

  it('three wrong passphrases end the run, saying so, with nothing written', async () => {
    await existingVault()
    start(`migrate '${root}'`)
    for (const left of ['(2 left)', '(1 left)']) {
      await waitFor('Vault passphrase:')
      type('not the passphrase')
      keys('Enter')
      await waitFor(`Wrong passphrase, try again ${left}`)
    }
    type('still not it')
    keys('Enter')
    const end = await waitFor('EXIT=')
    expect(end).toContain("Can't open the vault: wrong passphrase.")
    expect(end).not.toContain('EXIT=0')
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY=${stripe}\n`)
    expectNoSecrets(screens(), secrets)
  })

  it('at 60 columns every screen keeps its whole key help, no row is cut, and the next steps stay whole', async () => {
    start(`migrate '${root}'`, '', 60)
    await reachReview()
    const review = terminal!.screen()
    expect(review).toContain('enter next · r rename · ←→/1-3 choose · / find\n')
    expect(review).toContain('a accept rest · b back · q cancel')
    keys('a')
    const changes = await waitFor('Changes')
    expect(changes).toContain('↑↓ scroll · enter next · b back · q cancel')
    keys('Enter')
    const confirm = await waitFor('Apply: 3 vault entries for 2 clients')
    expect(confirm).toContain('enter apply · b back · q cancel (nothing written)')
    keys('Enter')
    await waitFor('enter/y yes · n no, exit')
    // Wider than the screen, each command is written as one line that the terminal folds, so a copy reads it whole.
    const rows = terminal!.unfolded().split('\n')
    for (const tenant of ['acme', 'globex']) expect(rows).toContain(`  outloop connect ${join(root, tenant)} --tenant ${tenant}`)
    keys('n')
    expect(await waitFor('EXIT=')).toContain('EXIT=0')
    expectNoSecrets(screens(), secrets)
  })

  it('q cancels with nothing written (exit 130)', async () => {
    start(`migrate '${root}'`)
    await newVault()
    await waitFor('Found in 2 clients')
    keys('q')
    const end = await waitFor('EXIT=')
    expect(end).toContain('EXIT=130')
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY=${stripe}\n`)
    expectNoSecrets(screens(), secrets)
  })

  it('a stop while applying (SIGINT as the first file is written) puts every file back and exits 130', async () => {
    const before = {acme: readFileSync(join(root, 'acme/.env'), 'utf8'), globex: readFileSync(join(root, 'globex/.env'), 'utf8')}
    start(`migrate '${root}'`, 'OUTLOOP_TEST_INTERRUPT_AT=write-first')
    await reachReview()
    keys('a')
    await waitFor('Changes')
    keys('Enter')
    await waitFor('Apply: 3 vault entries for 2 clients')
    keys('Enter')
    const end = await waitFor('EXIT=')
    expect(end).toContain('EXIT=130')
    expect(end).toMatch(/Stopped: the (1 file already rewritten was|\d+ files already rewritten were) restored/)
    expect(end).not.toMatch(/\b1 files\b/)
    // Said once, on the wizard's last screen.
    expect(end.split('Stopped:').length).toBe(2)
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(before.acme)
    expect(readFileSync(join(root, 'globex/.env'), 'utf8')).toBe(before.globex)
    expectNoSecrets(screens(), secrets)
  })
})
