import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {Box} from 'ink'
import {render} from 'ink-testing-library'
import {createElement as h, type ReactElement} from 'react'
import {describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {buildMigrationPlan, type MigrationSourceFile} from '../../src/plan/migration-plan.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {MigrationStoppedError, type MigrationOutcome} from '../../src/services/migrate.js'
import {wizardFilePreviewLines, wizardOverviewRows, wizardSecretGroups, type SecretGroup} from '../../src/ui/wizard/model.js'
import {ApplyProgressScreen, ChooseClientsScreen, ConfirmScreen, FilePreviewScreen, HelpScreen, OverviewScreen, ReviewSecretScreen, SummaryScreen} from '../../src/ui/wizard/screens.js'
import {wrapKeyItems, wrapWords} from '../../src/ui/wizard/text.js'
import {FileSecretStore} from '../../src/vault/file-store.js'
import {retryWrongPassphrase} from '../../src/vault/open.js'
import {WrongPassphraseError} from '../../src/vault/types.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const KEY = randomBytes(32)
const WIDTHS = [80, 60]

function source(relPath: string, text: string): MigrationSourceFile {
  return {relPath, tenant: relPath.split('/')[0], text, findings: scanFileText(relPath, text).findings}
}

/** The last frame in a terminal `width` columns wide (the wizard gives each screen the same width). */
function frameAt(width: number, element: ReactElement): string {
  const {lastFrame, unmount} = render(h(Box, {width, flexDirection: 'column'}, element))
  const frame = stripVTControlCharacters(lastFrame() ?? '')
  unmount()
  return frame
}

const rows = (frame: string): string[] => frame.split('\n').map((l) => l.trimEnd())
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Fits the terminal: at most 24 rows, and no row wider than the screen unless it is one unbroken word or a command. */
function expectFits(frame: string, width: number): void {
  expect(rows(frame).length).toBeLessThanOrEqual(24)
  for (const line of rows(frame)) if (line.length > width) expect(line.trim().startsWith('outloop ') || !line.trim().includes(' '), `row wider than ${width}: ${line}`).toBe(true)
}

/** The key help at the bottom of the frame, as the items it lists. */
function footerItems(frame: string, lines: number): string[] {
  return rows(frame)
    .slice(-lines)
    .flatMap((l) => l.split(' · '))
}

describe('wizard text layout', () => {
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const secrets = [openai, stripe]
  const owner = 'acme-corporation-holdings'
  const copy = 'globex-international-group'
  const longPath = `${copy}/skills/summarize-weekly-marketing-reports-for-leadership/config.env`
  const files = [
    source(`${owner}/.env`, `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY="${stripe}"\n`),
    ...Array.from({length: 9}, (_, i) => source(`${owner}/services/backend-${i}/deploy/compose.yaml`, `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${openai}\n`)),
    source(longPath, `OPENAI_API_KEY=${openai}\n`),
  ]
  const plan = buildMigrationPlan({files, fingerprintKey: KEY})
  const shared = wizardSecretGroups(plan).find((g) => g.crossClient)!
  const copied: SecretGroup = {...shared, owner, wrongClients: [copy]}

  it('wraps at word boundaries: no word is cut or truncated, a word wider than the screen keeps a row of its own', () => {
    const risk = {type: 'foreign-tenant', severity: 'critical', message: `openai-api-key sk-proj-…abcd belongs to ${owner} but sits in ${longPath}`, tenant: copy, owner, fingerprint: null, files: [longPath]} as const
    const skipped = [{file: `_templates/${'onboarding-'.repeat(6)}starter/.env`, reason: 'in shared area _templates: no client to vault for'}]
    const outcome: MigrationOutcome = {run: 'r1', root: '/x', plan, created: 2, reused: 0, written: [`${owner}/.env`], skipped, recovered: [], clientFolders: []}
    for (const width of WIDTHS) {
      const overview = frameAt(width, h(OverviewScreen, {rows: wizardOverviewRows(plan), risks: [risk], skipped: 1, color: false, width}))
      expect(spaced(overview)).toContain(`wrong client: ${risk.message}`)
      // The table's client column is fixed: a longer name is marked as shortened, not silently cut.
      expect(overview).toContain('globex-international-g… ')
      expectFits(overview, width)
      const review = frameAt(width, h(ReviewSecretScreen, {group: copied, index: 0, total: 2, name: 'openai-api-key', choice: 'owner-ref', color: false, width}))
      expect(spaced(review)).toContain(`Vaulted for ${owner} only. The copies in ${copy} get ${owner}'s placeholder, which the broker refuses for that client: nothing of ${owner}'s is put in their vault. Give them their own key.`)
      expectFits(review, width)
      const summary = frameAt(width, h(SummaryScreen, {outcome, next: ['outloop serve'], color: false, width}))
      expect(spaced(summary)).toContain(`Left in place: ${skipped[0].file}: ${skipped[0].reason}`)
      expectFits(summary, width)
      // A break lands on a space and the space goes: no row starts with one that is not the line's own indent.
      for (const frame of [overview, review, summary]) for (const line of rows(frame)) expect(line).not.toMatch(/^ (?! )/)
      expectNoSecrets([overview, review, summary], secrets)
    }
  })

  it('keeps every command on one row to copy, even where it is wider than the screen', () => {
    const clientFolders = [owner, copy, 'initech'].map((tenant) => ({tenant, folder: `/home/someone/work/agency-clients-2026/${tenant}`}))
    const next = [...clientFolders.map((c) => `outloop connect ${c.folder} --tenant ${c.tenant}`), 'outloop policy init', 'outloop serve']
    const run = '20261202T065512Z-3f9a1c2b'
    const outcome: MigrationOutcome = {run, root: '/x', plan, created: 2, reused: 0, written: [`${owner}/.env`], skipped: [], recovered: [], clientFolders}
    for (const width of WIDTHS) {
      const summary = frameAt(width, h(SummaryScreen, {outcome, next, color: false, width}))
      for (const command of next) expect(rows(summary).map((l) => l.trim()), `${command} at ${width} columns`).toContain(command)
      expect(rows(summary).some((l) => l.includes(`outloop rollback ${run}`))).toBe(true)
      expectFits(summary, width)
      // A command named in a message (a failure, a hint) is kept whole too.
      const failed = frameAt(width, h(ApplyProgressScreen, {messages: [], error: `the vault entry outloop://${owner}/openai-api-key was rolled back; store it again with outloop vault set outloop://${owner}/openai-api-key --replace`, width}))
      expect(rows(failed).some((l) => l.trim() === `outloop vault set outloop://${owner}/openai-api-key --replace`), failed).toBe(true)
    }
  })

  it('shows the whole key help on every screen, at 80 and at 60 columns, inside 24 rows', () => {
    const lines = wizardFilePreviewLines(plan)
    const outcome: MigrationOutcome = {run: 'r1', root: '/x', plan, created: 2, reused: 0, written: [`${owner}/.env`], skipped: [], recovered: [], clientFolders: Array.from({length: 40}, (_, i) => ({tenant: `client-${i}`, folder: `/x/client-${i}`}))}
    for (const width of WIDTHS) {
      const screens: [ReactElement, string[]][] = [
        [h(OverviewScreen, {rows: wizardOverviewRows(plan), risks: [], skipped: 0, width}), ['enter next', '? help', 'q cancel']],
        [h(ChooseClientsScreen, {tenants: plan.tenants, chosen: new Set(plan.tenants), cursor: 0, width}), ['↑↓ move', 'space toggle', 'enter next', 'b back', 'q cancel']],
        [h(ReviewSecretScreen, {group: copied, index: 0, total: 2, name: 'openai-api-key', choice: 'owner-ref', width}), ['enter next', 'r rename', '←→/1-3 choose', '/ find', 'a accept rest', 'b back', 'q cancel']],
        [h(ReviewSecretScreen, {group: copied, index: 0, total: 2, name: 'x', choice: 'owner-ref', editing: 'openai-main', width}), ['type a name', 'enter keep', 'esc drop the edit']],
        [h(FilePreviewScreen, {lines, cursor: 0, width}), ['↑↓ scroll', 'enter next', 'b back', 'q cancel']],
        [h(ConfirmScreen, {plan, unfinished: ['20261201T101010Z-aaaaaa'], width}), ['enter apply', 'b back', 'q cancel (nothing written)']],
        [h(SummaryScreen, {outcome, next: outcome.clientFolders.map((c) => `outloop connect ${c.folder} --tenant ${c.tenant}`), width}), ['enter/y yes', 'n no, exit']],
        [h(HelpScreen, {width}), ['? close help']],
      ]
      for (const [element, keys] of screens) {
        const frame = frameAt(width, element)
        // Room left for the find box and the cursor row under the frame.
        expect(rows(frame).length, frame).toBeLessThanOrEqual(22)
        expectFits(frame, width)
        const footer = wrapKeyItems(keys, width)
        expect(footerItems(frame, footer.length), `${keys.join(' · ')} at ${width} columns`).toEqual(keys)
      }
    }
  })

  it('says "1 file", "1 vault entry", "1 client", never "1 files"', () => {
    const one = buildMigrationPlan({files: [source('acme/.env', `OPENAI_API_KEY=${openai}\n`)], fingerprintKey: KEY})
    const outcome: MigrationOutcome = {run: 'r1', root: '/x', plan: one, created: 1, reused: 0, written: ['acme/.env'], skipped: [], recovered: [], clientFolders: [{tenant: 'acme', folder: '/x/acme'}]}
    // Seven files for one key: six are listed, the seventh is "1 more file".
    const seven = {...shared, entries: [{...shared.entries[0], files: Array.from({length: 7}, (_, i) => `acme/app-${i}/.env`)}], crossClient: false}
    const frames = [
      frameAt(80, h(OverviewScreen, {rows: wizardOverviewRows(one), risks: [], skipped: 1, width: 80})),
      frameAt(80, h(ConfirmScreen, {plan: one, unfinished: ['r0'], width: 80})),
      frameAt(80, h(SummaryScreen, {outcome: {...outcome, skipped: Array.from({length: 4}, (_, i) => ({file: `_templates/t${i}.env`, reason: 'in a shared area'}))}, next: ['outloop serve'], width: 80})),
      frameAt(80, h(ReviewSecretScreen, {group: seven, index: 0, total: 1, name: 'openai-api-key', choice: 'separate', width: 80})),
      frameAt(80, h(FilePreviewScreen, {lines: ['acme/.env (dotenv)'], cursor: 0, width: 80})),
    ]
    // A stop with one file rewritten and one edited meanwhile, as the apply screen says it.
    const stop = new MigrationStoppedError('r1', {restored: ['acme/.env'], unchanged: [], conflicts: [{file: 'acme/b.env', reason: 'edited since'}], failed: []})
    frames.push(frameAt(80, h(ApplyProgressScreen, {messages: [], error: stop.message, stopped: true, width: 80})))
    const [overview, confirm, summary, review, preview, stopped] = frames
    expect(spaced(stopped)).toContain('Stopped: the 1 file already rewritten was restored, so the client files are as they were. 1 file changed meanwhile was left as it is')
    expect(overview).toContain('Found in 1 client\n')
    expect(overview).toContain('1 file is left in place')
    expect(confirm).toContain('Apply: 1 vault entry for 1 client, 1 edit in 1 file.')
    expect(confirm).toContain('Unfinished run r0 is undone first')
    expect(summary).toContain('1 file rewritten, 1 vault entry stored')
    expect(summary).toContain('Connect the 1 client folder and start')
    expect(summary).toContain('… and 1 more file left in place')
    expect(review).toContain('… 1 more file\n')
    expect(preview).toContain('Changes (1-1 of 1 line)')
    for (const frame of frames) expect(frame).not.toMatch(/\b1 (files|clients|vault entries|entries|edits|lines|keys|more files|client folders)\b/)
    expectNoSecrets(frames, secrets)
  })
})

describe('wrapWords', () => {
  it('breaks only at spaces, repeats the indent, and gives an overlong word its own line', () => {
    const word = 'x'.repeat(30)
    expect(wrapWords(`one two ${word} three`, 20)).toEqual(['one two', word, 'three'])
    expect(wrapWords('  alpha beta gamma delta', 14)).toEqual(['  alpha beta', '  gamma delta'])
    expect(wrapWords('a\nb c', 10)).toEqual(['a', 'b c'])
  })

  it('keeps a command together up to the end of its clause', () => {
    expect(wrapWords('Undo with: outloop rollback 20261202T065512Z-3f9a1c', 30)).toEqual(['Undo with:', 'outloop rollback 20261202T065512Z-3f9a1c'])
    expect(wrapWords('then run outloop connect /x/acme --tenant acme, and serve', 30)).toEqual(['then run', 'outloop connect /x/acme --tenant acme,', 'and serve'])
    // Prose that names outloop is not a command: it wraps like any words.
    expect(wrapWords('outloop cannot recover a lost passphrase', 20)).toEqual(['outloop cannot', 'recover a lost', 'passphrase'])
  })

  it('lays key items out whole', () => {
    expect(wrapKeyItems(['enter next', 'a accept rest', 'q cancel'], 24)).toEqual(['enter next', 'a accept rest · q cancel'])
  })
})

describe('a wrong passphrase typed at the start', () => {
  const scrypt = {N: 4096, r: 8, p: 1}
  const storeAsking = (dir: string, answers: string[], given: string | null = null): {store: FileSecretStore; asked: () => number} => {
    let asked = 0
    const store = new FileSecretStore({dir, fingerprintKey: KEY, masterKey: 'passphrase', scrypt, passphrase: {given: given === null ? null : new SecretValue(given), ask: async () => new SecretValue(answers[asked++] ?? '')}})
    return {store, asked: () => asked}
  }

  it('is asked again, up to 3 tries, saying how many are left; the right one opens the vault', async () => {
    const {dir, cleanup} = makeTempDir('outloop-retry-')
    try {
      const vault = join(dir, 'vault')
      const right = 'right ' + randomString(ALNUM, 12)
      await storeAsking(vault, [right]).store.initialize()
      const told: string[] = []
      const {store, asked} = storeAsking(vault, ['wrong one', 'wrong two', right])
      await expect(retryWrongPassphrase(() => store.initialize(), {typed: () => true, tell: (l) => told.push(l)})).resolves.toMatchObject({created: false})
      expect(told).toEqual(['Wrong passphrase, try again (2 left)', 'Wrong passphrase, try again (1 left)'])
      expect(asked()).toBe(3)

      const after: string[] = []
      const wrong = storeAsking(vault, ['a', 'b', 'c', right])
      await expect(retryWrongPassphrase(() => wrong.store.initialize(), {typed: () => true, tell: (l) => after.push(l)})).rejects.toBeInstanceOf(WrongPassphraseError)
      expect(wrong.asked()).toBe(3)
      expect(after).toHaveLength(2)

      // OUTLOOP_PASSPHRASE is what it is: asking again would not change it.
      const fromEnv = storeAsking(vault, [right], 'not it')
      await expect(retryWrongPassphrase(() => fromEnv.store.initialize(), {typed: () => false, tell: (l) => after.push(l)})).rejects.toBeInstanceOf(WrongPassphraseError)
      expect(fromEnv.asked()).toBe(0)
      expectNoSecrets([...told, ...after], [right])
    } finally {
      cleanup()
    }
  })
})
