import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {Box} from 'ink'
import {render} from 'ink-testing-library'
import {createElement as h, type ReactElement} from 'react'
import {describe, expect, it} from 'vitest'

import {buildMigrationPlan, type MigrationSourceFile} from '../../src/plan/migration-plan.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {planMigration, type MigrationOutcome} from '../../src/services/migrate.js'
import {visibleWindow, wizardFilePreviewLines, wizardOverviewRows, wizardSecretGroups} from '../../src/ui/wizard/model.js'
import {ApplyProgressScreen, ChooseClientsScreen, ConfirmScreen, FilePreviewScreen, HelpScreen, OverviewScreen, ReviewSecretScreen, ScanProgressScreen, SummaryScreen} from '../../src/ui/wizard/screens.js'
import {expectNoSecrets, makeTempDir, writeTree} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const KEY = randomBytes(32)

function source(relPath: string, text: string): MigrationSourceFile {
  return {relPath, tenant: relPath.split('/')[0], text, findings: scanFileText(relPath, text).findings}
}

/** The last frame as a person reads it, in the wizard's 80 columns, and checks that it fits 80x24. */
function frameOf(element: ReactElement): string {
  const {lastFrame, unmount} = render(h(Box, {width: 80, flexDirection: 'column'}, element))
  const frame = stripVTControlCharacters(lastFrame() ?? '')
  unmount()
  const lines = frame.split('\n')
  expect(lines.length).toBeLessThanOrEqual(24)
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
  return frame
}

describe('wizard screens', () => {
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const secrets = [openai, stripe]
  const files = [
    source('acme/.env', `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY="${stripe}"\n`),
    source('acme/compose.yaml', `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${openai}\n`),
    source('globex/.env', `API_KEY=${openai}\n`),
    source('initech/.env', `STRIPE_KEY=${detectableFake('stripe-secret-key')}\n`),
  ]
  const plan = buildMigrationPlan({files, fingerprintKey: KEY})

  it('scan progress shows files, MB/s and keys so far', () => {
    const frame = frameOf(h(ScanProgressScreen, {progress: {files: 1234, bytes: 50 * 1024 ** 2, findings: 7, ms: 2000}, elapsedMs: 2000, color: false}))
    expect(frame).toContain('1,234 files, 50.0 MB (25 MB/s), 7 keys so far')
    expect(frameOf(h(ScanProgressScreen, {elapsedMs: 1500}))).toContain('Scanning… 1.5s')
  })

  it('overview counts per client, worst risks first', () => {
    const rows = wizardOverviewRows(plan)
    expect(rows.map((r) => r.tenant)).toEqual(['acme', 'globex', 'initech'])
    expect(rows[0]).toMatchObject({keys: 3, unique: 2, duplicated: 1, crossClient: 1, wrongClient: null})
    const frame = frameOf(h(OverviewScreen, {rows, risks: [], skipped: 0, color: false}))
    expect(frame).toMatch(/acme\s+3\s+2\s+1\s+1\s+-/)
    expect(frame).toContain('initech')
    expectNoSecrets(frame, secrets)
  })

  it('overview and review name the wrong client from the scan: a key at home in acme, copied into a globex skill', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const mine = detectableFake('anthropic-api-key')
      writeTree(root, {
        'acme/.env': `ANTHROPIC_API_KEY=${mine}\nOPENAI_API_KEY=${openai}\n`,
        'globex/skills/summarize/config.env': `ANTHROPIC_API_KEY=${mine}\n`,
        'globex/.env': `OPENAI_API_KEY=${openai}\n`,
      })
      const planned = await planMigration({root, home, env: {...process.env, OUTLOOP_PASSPHRASE: 'overview test'}, threads: 1})
      const rows = wizardOverviewRows(planned.plan, new Map(planned.scan!.tenants.map((t) => [t.tenant, t.foreign])))
      // globex holds acme's key: it is the riskier client and comes first.
      expect(rows.map((r) => [r.tenant, r.crossClient, r.wrongClient])).toEqual([
        ['globex', 2, 1],
        ['acme', 2, 0],
      ])
      const overview = frameOf(h(OverviewScreen, {rows, risks: planned.scan!.risks, skipped: 0, color: false}))
      expect(overview).toMatch(/globex\s+2\s+2\s+0\s+2\s+1/)
      expect(overview).toContain('Worst risks')
      expect(overview).toMatch(/wrong client: anthropic\S* sk-ant-\S+ belongs to acme but sits in globex/)
      const groups = wizardSecretGroups(planned.plan, planned.scan!.owners)
      // The copied key comes up first, owned by acme whichever client holds it more often.
      expect(groups[0].wrongClients).toEqual(['globex'])
      expect(groups[0].owner).toBe('acme')
      const review = frameOf(h(ReviewSecretScreen, {group: groups[0], index: 0, total: groups.length, name: 'anthropic-api-key', choice: 'owner-ref', color: false}))
      expect(review).toContain('Belongs to acme; copied into globex')
      // The default for a wrong-client copy: point it at the owner's entry, and say what that means.
      expect(review).toContain("› 1. point the copies at the owner's entry")
      expect(review.replace(/\s+/g, ' ')).toContain("The copies in globex get acme's placeholder, which the broker refuses for that client: nothing of acme's is put in their vault.")
      // Nothing of acme's is planned as a globex entry: the copy's edit writes acme's placeholder.
      expect(planned.plan.entries.map((e) => e.placeholder)).not.toContain('outloop://globex/anthropic-api-key')
      const copy = planned.plan.files.find((f) => f.relPath === 'globex/skills/summarize/config.env')!
      expect(copy.edits.map((e) => [e.placeholder, e.owner, e.foreign])).toEqual([['outloop://acme/anthropic-api-key', 'acme', true]])
      expect(groups[1].wrongClients).toEqual([])
      expectNoSecrets([overview, review], [mine, openai])
    } finally {
      cleanup()
    }
  }, 30_000)

  it("review keeps a template's copy out of the clients: outloop.templates is neither a wrong client nor a second holder", async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const mine = detectableFake('anthropic-api-key')
      const theirs = detectableFake('openai-project-key')
      writeTree(root, {
        'acme/.env': `ANTHROPIC_API_KEY=${mine}\nOPENAI_API_KEY=${theirs}\n`,
        'globex/skills/summarize/config.env': `ANTHROPIC_API_KEY=${mine}\n`,
        '_templates/agent/.env': `ANTHROPIC_API_KEY=${mine}\nOPENAI_API_KEY=${theirs}\n`,
      })
      const planned = await planMigration({root, home, env: {...process.env, OUTLOOP_PASSPHRASE: 'template review test'}, threads: 1})
      // Each value has an acme entry and a template entry: the planner stores the template's value apart.
      expect(planned.plan.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/anthropic-api-key', 'outloop://acme/openai-api-key', 'outloop://outloop.templates/anthropic-api-key', 'outloop://outloop.templates/openai-api-key'])
      const groups = wizardSecretGroups(planned.plan, planned.scan!.owners)
      const byName = (name: string) => groups.find((g) => g.entries.some((e) => e.ref.name === name))!
      // The copy in globex's skill is the one wrong client; acme's own key used by the template is no risk to choose on.
      expect([byName('anthropic-api-key').owner, byName('anthropic-api-key').wrongClients, byName('anthropic-api-key').crossClient]).toEqual(['acme', ['globex'], false])
      expect([byName('openai-api-key').owner, byName('openai-api-key').wrongClients, byName('openai-api-key').crossClient]).toEqual(['acme', [], false])
      const review = frameOf(h(ReviewSecretScreen, {group: byName('anthropic-api-key'), index: 0, total: groups.length, name: 'anthropic-api-key', choice: 'owner-ref', color: false}))
      expect(review).toContain('Belongs to acme; copied into globex')
      expect(review).not.toContain('outloop.templates')
      expectNoSecrets([review], [mine, theirs])
    } finally {
      cleanup()
    }
  }, 30_000)

  it('overview scrolls through hundreds of clients inside 80x24, with the worst risks still shown', () => {
    const rows = Array.from({length: 300}, (_, i) => ({tenant: `client-${String(i).padStart(3, '0')}`, keys: 2, unique: 1, duplicated: 1, crossClient: 0, wrongClient: 0}))
    const risks = [{type: 'duplicate', severity: 'high', message: 'a duplicate, described', tenant: null, owner: null, fingerprint: null, files: []}] as const
    const top = frameOf(h(OverviewScreen, {rows, risks: [...risks], skipped: 3, color: false}))
    expect(top).toContain('client-000')
    expect(top).toContain('clients 1-14 of 300 (↑↓ scroll)')
    expect(top).toContain('duplicate: a duplicate, described')
    const down = frameOf(h(OverviewScreen, {rows, risks: [...risks], skipped: 3, cursor: 250, color: false}))
    expect(down).toContain('client-250')
    expect(down).not.toContain('client-000')
  })

  it('choose clients marks the chosen ones and the cursor, and scrolls a long list', () => {
    const frame = frameOf(h(ChooseClientsScreen, {tenants: plan.tenants, chosen: new Set(['acme', 'initech']), cursor: 1}))
    expect(frame).toContain('Choose clients (2 of 3)')
    expect(frame).toContain('  [x] acme')
    expect(frame).toContain('› [ ] globex')
    const many = Array.from({length: 300}, (_, i) => `client-${String(i).padStart(3, '0')}`)
    const long = frameOf(h(ChooseClientsScreen, {tenants: many, chosen: new Set(many), cursor: 250}))
    expect(long).toContain('› [x] client-250')
    expect(long).not.toContain('client-000')
  })

  it('review shows provider, preview, where the key appears and the choices for a shared key', () => {
    const groups = wizardSecretGroups(plan)
    expect(groups[0].crossClient).toBe(true)
    expect(groups[0].owner).toBe('acme')
    const frame = frameOf(h(ReviewSecretScreen, {group: groups[0], index: 0, total: groups.length, name: 'openai-api-key', choice: 'owner-only', color: false}))
    expect(frame).toContain(`Key 1 of ${groups.length}`)
    expect(frame).toContain(groups[0].preview)
    expect(frame).toContain('Held by 2 clients: acme, globex')
    expect(frame).toContain('acme/compose.yaml')
    expect(frame).toContain('› 2. vault it for the owner only, copies stay in clear (acme)')
    expect(frame).toContain('Entry name: openai-api-key')
    const editing = frameOf(h(ReviewSecretScreen, {group: groups[1], index: 1, total: groups.length, name: 'x', choice: 'separate', editing: 'stripe-main'}))
    expect(editing).toContain('stripe-main')
    expect(editing).not.toContain('1. separate')
    expectNoSecrets([frame, editing], secrets)
  })

  it('file preview shows each changed line redacted before and as its placeholder after, scrolling', () => {
    const lines = wizardFilePreviewLines(plan)
    const frame = frameOf(h(FilePreviewScreen, {lines, cursor: 0, color: false}))
    expect(frame).toContain('acme/.env (dotenv)')
    expect(frame).toContain('+    1: outloop://acme/openai-api-key')
    expectNoSecrets(frame, secrets)
    const many = Array.from({length: 100}, (_, i) => `line ${i}`)
    const scrolled = frameOf(h(FilePreviewScreen, {lines: many, cursor: 90}))
    expect(scrolled).toContain('line 90')
    expect(visibleWindow(many, 90, 18).offset).toBe(81)
  })

  it('confirm, apply progress and its failure, summary and help', () => {
    const confirm = frameOf(h(ConfirmScreen, {plan, unfinished: ['r1']}))
    expect(confirm).toContain(`Apply: ${plan.entries.length} vault entries for 3 clients`)
    expect(confirm).toContain('Unfinished run r1')
    const failed = frameOf(h(ApplyProgressScreen, {messages: ['200 of 400 vault entries stored and verified'], error: 'the vault is locked'}))
    expect(failed).toContain('Stopped: the vault is locked')
    expect(failed).toContain('Nothing was lost')
    const clientFolders = Array.from({length: 30}, (_, i) => ({tenant: `client-${i}`, folder: `/x/client-${i}`}))
    const outcome: MigrationOutcome = {run: 'r2', root: '/x', plan, created: 4, reused: 1, written: ['acme/.env', 'globex/.env'], skipped: [], recovered: [], clientFolders}
    const summary = frameOf(h(SummaryScreen, {outcome, next: [...clientFolders.map((c) => `outloop connect ${c.folder} --tenant ${c.tenant}`), 'outloop serve']}))
    expect(summary).toContain('2 files rewritten, 4 vault entries stored (1 already there)')
    expect(summary).toContain('Undo with: outloop rollback r2')
    expect(summary).toContain('Connect the 30 client folders and start the access layer now?')
    expect(summary).toContain('outloop connect /x/client-0 --tenant client-0')
    expect(summary).toContain('… 18 more')
    expect(summary).toContain('enter/y yes · n no, exit')
    const skipped = Array.from({length: 5}, (_, i) => ({file: `_templates/t${i}.env`, reason: 'in shared area _templates: no client to vault for'}))
    const withSkips = frameOf(h(SummaryScreen, {outcome: {...outcome, skipped}, next: clientFolders.map((c) => `outloop connect ${c.folder} --tenant ${c.tenant}`)}))
    expect(withSkips).toContain('Left in place: _templates/t0.env: in shared area _templates: no client')
    expect(withSkips).toContain('… and 2 more files left in place')
    expect(withSkips).toContain('… 24 more')
    expect(frameOf(h(HelpScreen))).toContain('Ctrl-C cancel')
    expectNoSecrets([confirm, failed, summary], secrets)
  })

  it('writes no colour codes when colour is off', () => {
    const {lastFrame, unmount} = render(h(OverviewScreen, {rows: wizardOverviewRows(plan), risks: [], skipped: 0, color: false}))
    const frame = lastFrame() ?? ''
    unmount()
    expect(frame).not.toMatch(/\u001B\[3[0-9]m/)
  })
})
