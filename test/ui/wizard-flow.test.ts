import {randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {render} from 'ink-testing-library'
import {createElement as h} from 'react'
import {describe, expect, it} from 'vitest'

import {buildMigrationPlan, type MigrationSourceFile} from '../../src/plan/migration-plan.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {applyMigration, MigrationStoppedError, planMigration, type MigrationOutcome, type MigrationPlanResult} from '../../src/services/migrate.js'
import {listJournals} from '../../src/apply/journal.js'
import {MigrationWizard, type WizardResult} from '../../src/ui/wizard/wizard.js'
import {expectNoSecrets, makeTempDir, writeTree} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const KEY = randomBytes(32)
const ENTER = '\r'
const DOWN = '\u001B[B'
const RIGHT = '\u001B[C'
const ESC = '\u001B'

function source(relPath: string, text: string): MigrationSourceFile {
  return {relPath, tenant: relPath.split('/')[0], text, findings: scanFileText(relPath, text).findings}
}

const tick = (ms = 40): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Waits until the frame has stayed the same for 60 ms (at most 3 s): a loaded machine renders late, and a fixed pause then reads a stale frame. */
async function settle(read: () => string): Promise<void> {
  let last = read()
  let still = 0
  for (let waited = 0; waited < 3000 && still < 3; waited += 20) {
    await tick(20)
    const now = read()
    still = now === last ? still + 1 : 0
    last = now
  }
}

describe('migration wizard', () => {
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const secrets = [openai, stripe]
  const files = [
    source('acme/.env', `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY="${stripe}"\n`),
    source('globex/.env', `API_KEY=${openai}\n`),
    source('initech/.env', `STRIPE_KEY=${stripe}x\n`),
  ]
  const planned: MigrationPlanResult = {root: '/clients', plan: buildMigrationPlan({files, fingerprintKey: KEY}), unfinished: []}

  function start() {
    const applied: MigrationPlanResult[] = []
    const results: WizardResult[] = []
    const frames: string[] = []
    const apply = async (p: MigrationPlanResult, progress: (m: string) => void): Promise<MigrationOutcome> => {
      applied.push(p)
      progress('1 of 1 vault entries stored and verified')
      return {run: 'run-1', root: p.root, plan: p.plan, created: p.plan.entries.length, reused: 0, written: p.plan.files.map((f) => f.relPath), skipped: [], recovered: [], clientFolders: []}
    }
    const ui = render(h(MigrationWizard, {plan: async () => planned, apply, nextSteps: () => ['outloop serve'], onDone: (r) => results.push(r), color: false}))
    const frame = (): string => {
      const f = stripVTControlCharacters(ui.lastFrame() ?? '')
      frames.push(f)
      return f
    }
    const press = async (...keys: string[]): Promise<string> => {
      for (const k of keys) {
        ui.stdin.write(k)
        await settle(() => ui.lastFrame() ?? '')
      }
      return frame()
    }
    return {ui, applied, results, frames, frame, press}
  }

  it('walks overview, clients, review with a rename and a shared-key choice, preview, confirm, apply, summary', async () => {
    const w = start()
    await tick(80)
    expect(w.frame()).toContain('Found in 3 clients')
    expect(await w.press(ENTER)).toContain('Choose clients (3 of 3)')
    // Leave initech out.
    expect(await w.press(DOWN, DOWN, ' ')).toContain('› [ ] initech')
    let screen = await w.press(ENTER)
    expect(screen).toContain('Key 1 of 2')
    expect(screen).toContain('Held by 2 clients: acme, globex')
    screen = await w.press(RIGHT)
    expect(screen).toContain('› 2. vault it for the owner only, copies stay in clear')
    screen = await w.press(ENTER)
    expect(screen).toContain('Key 2 of 2')
    screen = await w.press('r', ...'\u007f'.repeat(30).split(''), ...'stripe-main'.split(''))
    expect(screen).toContain('stripe-main')
    screen = await w.press(ENTER)
    expect(screen).toContain('Entry name: stripe-main')
    screen = await w.press('b')
    expect(screen).toContain('Key 1 of 2')
    screen = await w.press(ENTER, ENTER)
    expect(screen).toContain('Changes')
    expect(screen).toContain('outloop://acme/stripe-main')
    expect(screen).not.toContain('globex/.env')
    expect(await w.press('?')).toContain('Keys')
    expect(await w.press('?')).toContain('Changes')
    screen = await w.press(ENTER)
    expect(screen).toContain('Apply: 2 vault entries for 1 client, 2 edits in 1 file.')
    screen = await w.press(ENTER)
    await tick(80)
    screen = w.frame()
    expect(screen).toContain('Undo with: outloop rollback run-1')
    expect(w.applied).toHaveLength(1)
    const plan = w.applied[0].plan
    expect(plan.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/openai-api-key', 'outloop://acme/stripe-main'])
    expect(plan.files.map((f) => f.relPath)).toEqual(['acme/.env'])
    expect(screen).toContain('and start the access layer now?')
    await w.press(ENTER)
    expect(w.results).toMatchObject([{kind: 'applied', startAccessLayer: true}])
    w.ui.unmount()
    expectNoSecrets(w.frames, secrets)
  })

  it('applies once however often Enter is pressed on the confirmation, and ends once', async () => {
    const w = start()
    await tick(80)
    expect(await w.press(ENTER, ENTER, ENTER, ENTER, ENTER, ENTER)).toContain('Apply:')
    // Faster than the screen re-renders: each of these reaches the confirmation's handler.
    w.ui.stdin.write(ENTER)
    w.ui.stdin.write(ENTER)
    w.ui.stdin.write(ENTER)
    await tick(120)
    expect(w.frame()).toContain('Undo with: outloop rollback run-1')
    expect(w.applied).toHaveLength(1)
    // "n" declines the next step: the run is still applied, nothing more is started.
    await w.press('n', ENTER)
    expect(w.results).toMatchObject([{kind: 'applied', startAccessLayer: false}])
    w.ui.unmount()
    expectNoSecrets(w.frames, secrets)
  })

  it('finds a key with / by file or entry name, and q in the search box is text, not cancel', async () => {
    const w = start()
    await tick(80)
    expect(await w.press(ENTER, ENTER)).toContain('Key 1 of 3')
    expect(await w.press('/', ...'initech'.split(''))).toContain('Find: initech▏')
    expect(await w.press(ENTER)).toContain('Key 3 of 3')
    expect(await w.press('/', 'q', ESC)).not.toContain('Find:')
    expect(w.results).toHaveLength(0)
    w.ui.unmount()
    expectNoSecrets(w.frames, secrets)
  })

  it('reads a rename and a search that arrive as one chunk (backspaces, letters and Enter together), as a loaded terminal sends them', async () => {
    const w = start()
    await tick(80)
    expect(await w.press(ENTER, ENTER)).toContain('Key 1 of 3')
    w.ui.stdin.write('/')
    await tick()
    w.ui.stdin.write('initechx\u007f\r')
    await tick()
    expect(w.frame()).toContain('Key 3 of 3')
    w.ui.stdin.write('r')
    await tick()
    w.ui.stdin.write('\u007f'.repeat(40) + 'stripe-main\r')
    await tick()
    expect(w.frame()).toContain('Entry name: stripe-main\n')
    w.ui.unmount()
    expectNoSecrets(w.frames, secrets)
  })

  it('cancels with q, Esc or Ctrl-C before anything is applied', async () => {
    for (const key of ['q', '\u001B', '\u0003']) {
      const w = start()
      await tick(80)
      await w.press(ENTER)
      await w.press(key)
      await tick(60)
      expect(w.results.map((r) => r.kind)).toEqual(['cancelled'])
      expect(w.applied).toHaveLength(0)
      w.ui.unmount()
      expectNoSecrets(w.frames, secrets)
    }
  })

  it('shows the scan\'s live counts while the plan is made', async () => {
    let finish: (value: MigrationPlanResult) => void = () => {}
    const plan = (onScanProgress: (p: {files: number; bytes: number; findings: number; ms: number}) => void): Promise<MigrationPlanResult> => {
      onScanProgress({files: 1234, bytes: 3 * 1024 ** 2, findings: 7, ms: 1500})
      return new Promise((resolve) => (finish = resolve))
    }
    const apply = async (): Promise<MigrationOutcome> => {
      throw new Error('not applied in this test')
    }
    const ui = render(h(MigrationWizard, {plan, apply, nextSteps: () => [], onDone: () => {}, color: false}))
    await tick(150)
    const frame = stripVTControlCharacters(ui.lastFrame() ?? '')
    expect(frame).toContain('Scanning: 1,234 files, 3.0 MB (2 MB/s), 7 keys so far')
    finish(planned)
    await tick()
    ui.unmount()
  })

  it('Ctrl-C while applying stops the real run: the wizard says so, every file is as before, the result is a stop', async () => {
    const {dir, cleanup} = makeTempDir('outloop-wizard-stop-')
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const before = {'acme/.env': `OPENAI_API_KEY=${openai}\n`, 'globex/.env': `STRIPE_KEY=${stripe}\n`}
      writeTree(root, before)
      const options = {root, home, env: {...process.env, OUTLOOP_PASSPHRASE: 'wizard stop test'}, threads: 1}
      const results: WizardResult[] = []
      let press: () => void = () => {}
      const apply = (p: MigrationPlanResult, progress: (m: string) => void, stop: AbortSignal): Promise<MigrationOutcome> => {
        // The person presses Ctrl-C as the run starts: the key reaches the wizard, which stops the service.
        press()
        return applyMigration({...options, plan: p, onProgress: progress, signal: stop})
      }
      const ui = render(h(MigrationWizard, {plan: () => planMigration(options), apply, nextSteps: () => [], onDone: (r) => results.push(r), color: false}))
      press = () => ui.stdin.write('\u0003')
      for (let i = 0; i < 100 && !stripVTControlCharacters(ui.lastFrame() ?? '').includes('Found in'); i++) await tick(50)
      for (const key of [ENTER, ENTER, 'a', ENTER, ENTER]) {
        ui.stdin.write(key)
        await tick()
      }
      for (let i = 0; i < 600 && results.length === 0; i++) await tick(50)
      const frame = stripVTControlCharacters(ui.lastFrame() ?? '')
      ui.unmount()
      expect(results.map((r) => r.kind)).toEqual(['failed'])
      const error = (results[0] as {error: unknown}).error
      expect(error).toBeInstanceOf(MigrationStoppedError)
      expect(frame).toContain('Stopped: no file had been rewritten yet, so the client files are as they were.')
      for (const [path, text] of Object.entries(before)) expect(readFileSync(join(root, path), 'utf8')).toBe(text)
      expect(listJournals(home).map((j) => [j.status, j.stopped])).toEqual([['rolled-back', true]])
      expectNoSecrets([frame, String(error)], secrets)
    } finally {
      cleanup()
    }
  }, 60_000)
})
