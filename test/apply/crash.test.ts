import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {listJournals} from '../../src/apply/journal.js'
import {openSecretStore} from '../../src/vault/open.js'
import {expectNoSecrets, makeTempDir, runCli, type CliResult} from '../helpers/tree.js'
import {readTreeBytes, writeFormatsTree} from './migrate-tree.js'

const env = {OUTLOOP_PASSPHRASE: 'crash test passphrase'}
const FORMATS = /^(dotenv\/export-quotes-comments|compose\/anchors-and-forms|json\/comments-trailing-commas|kubernetes\/|pem\/key-file|notebook\/)/

/** Lines of planted keys long enough to recognise (PEM blocks are compared line by line). */
function keyLines(keys: readonly string[]): string[] {
  return keys.flatMap((k) => k.split(/\r?\n/).filter((line) => line.length >= 24 && !line.startsWith('-----')))
}

const flat = (text: string): string => text.replace(/\\n|\s/g, '')

/** The invariant: every planted key is still in a file of the tree, or verified in the vault. */
async function expectEveryKeyKept(root: string, home: string, keys: readonly string[]): Promise<void> {
  // Base64 fields (Kubernetes `data`, Docker `auth`) hold their keys encoded: look in the decoded runs too.
  const decoded = (text: string): string => (text.match(/[A-Za-z0-9+/=]{16,}/g) ?? []).map((run) => Buffer.from(run, 'base64').toString('utf8')).join('\n')
  const files = [...readTreeBytes(root).values()].map((b) => flat(b.toString('utf8')) + '\n' + flat(decoded(b.toString('utf8'))))
  const {store} = openSecretStore({home, env: {...process.env, ...env}})
  const values: string[] = []
  try {
    for (const info of await store.list()) values.push(flat((await store.get(info.ref))?.value.reveal() ?? ''))
  } catch {
    // No vault yet: every key must then be in its file.
  }
  const lost = keys.filter((key) => !files.some((f) => f.includes(flat(key))) && !values.some((v) => v.includes(flat(key))))
  expect(lost.length, 'a planted key is neither in its file nor in the vault').toBe(0)
}

describe('crash safety: SIGKILL at every step boundary', () => {
  const points = ['journal', 'vault', 'backup', 'write-temp', 'write-first', 'write-all'] as const
  for (const [i, point] of points.entries()) {
    const recoverWith = i % 2 === 0 ? 'migrate' : 'rollback'
    it(`killed at ${point}: nothing is lost, and the next ${recoverWith} finishes or undoes the run`, async () => {
      const {dir, cleanup} = makeTempDir('outloop-crash-')
      const outputs: string[] = []
      const cli = async (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<CliResult> => {
        const r = await runCli(args, {home, env: {...env, ...extra}})
        outputs.push(r.stdout, r.stderr)
        return r
      }
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      try {
        const tree = writeFormatsTree(root, {only: FORMATS})
        const killed = await cli(['migrate', root, '--yes'], {OUTLOOP_TEST_CRASH_AT: point})
        expect(killed.code, 'the process was killed').toBeNull()
        await expectEveryKeyKept(root, home, tree.keys)
        expect(listJournals(home).map((j) => j.status)).not.toContain('done')

        if (recoverWith === 'migrate') {
          const again = await cli(['migrate', root, '--yes'])
          expect(again.code).toBe(0)
          expect(again.stderr).toMatch(/Undid unfinished run \S+: (1 file|\d+ files) restored/)
          expect(listJournals(home).map((j) => j.status)).toEqual(['rolled-back', 'done'])
          await expectEveryKeyKept(root, home, tree.keys)
          const rescan = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout) as {findings: {tenant: string | null}[]}
          expect(rescan.findings.filter((f) => f.tenant === 'acme')).toEqual([])
          expect((await cli(['rollback', '--yes'])).code).toBe(0)
        } else {
          const back = await cli(['rollback', '--yes'])
          expect(back.code).toBe(0)
        }
        const restored = readTreeBytes(root)
        expect([...restored.keys()].sort()).toEqual([...tree.files.keys()].sort())
        for (const [path, bytes] of tree.files) expect(restored.get(path)?.equals(bytes), path).toBe(true)
        const state = [...readTreeBytes(join(home, 'migrations')).values()].map((b) => b.toString('latin1'))
        expectNoSecrets([...outputs, ...state], keyLines(tree.keys))
      } finally {
        cleanup()
      }
    }, 60_000)
  }

  it('killed in the middle of a rollback: the next rollback finishes it, byte for byte', async () => {
    const {dir, cleanup} = makeTempDir('outloop-crash-')
    const root = join(dir, 'clients')
    const home = join(dir, 'home')
    try {
      const tree = writeFormatsTree(root, {only: FORMATS})
      expect((await runCli(['migrate', root, '--yes'], {home, env})).code).toBe(0)
      const killed = await runCli(['rollback', '--yes'], {home, env: {...env, OUTLOOP_TEST_CRASH_AT: 'rollback-first'}})
      expect(killed.code).toBeNull()
      await expectEveryKeyKept(root, home, tree.keys)
      expect(listJournals(home).map((j) => j.status)).toEqual(['rolling-back'])
      const back = await runCli(['rollback', '--yes'], {home, env})
      expect(back.code).toBe(0)
      expect(listJournals(home).map((j) => j.status)).toEqual(['rolled-back'])
      const restored = readTreeBytes(root)
      for (const [path, bytes] of tree.files) expect(restored.get(path)?.equals(bytes), path).toBe(true)
      expectNoSecrets([killed.stdout, killed.stderr, back.stdout, back.stderr], keyLines(tree.keys))
    } finally {
      cleanup()
    }
  }, 60_000)
})

describe('Ctrl-C while applying: a real SIGINT at each step stops the run and puts every file back', () => {
  for (const point of ['vault', 'backup', 'write-first', 'write-all'] as const) {
    it(`interrupted at ${point}: exit 130, files byte for byte as before, and the next migrate starts clean`, async () => {
      const {dir, cleanup} = makeTempDir('outloop-stop-')
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const outputs: string[] = []
      try {
        const tree = writeFormatsTree(root, {only: FORMATS})
        const stopped = await runCli(['migrate', root, '--yes'], {home, env: {...env, OUTLOOP_TEST_INTERRUPT_AT: point}})
        outputs.push(stopped.stdout, stopped.stderr)
        expect(stopped.code).toBe(130)
        expect(stopped.stderr).toContain('Stopping: finishing the file being written')
        expect(stopped.stderr).toMatch(point.startsWith('write') ? /Stopped: the (1 file already rewritten was|\d+ files already rewritten were) restored/ : /Stopped: no file had been rewritten yet/)
        const restored = readTreeBytes(root)
        for (const [path, bytes] of tree.files) expect(restored.get(path)?.equals(bytes), path).toBe(true)
        const [journal] = listJournals(home)
        expect(journal).toMatchObject({status: 'rolled-back', stopped: true})
        expect(journal.interrupted).toBeUndefined()
        // What the stopped run had stored comes out with the command its message names.
        expect(stopped.stderr).toContain(`outloop rollback ${journal.run} --purge removes them`)
        const purge = await runCli(['rollback', journal.run, '--purge', '--yes', '--json'], {home, env})
        outputs.push(purge.stdout, purge.stderr)
        expect(purge.code, purge.stderr).toBe(0)
        expect(JSON.parse(purge.stdout).purged).toBeGreaterThan(0)
        const {store} = openSecretStore({home, env: {...process.env, ...env}})
        expect(await store.list()).toEqual([])

        // Nothing is left for the next run to undo, and it migrates as usual.
        const again = await runCli(['migrate', root, '--yes'], {home, env})
        outputs.push(again.stdout, again.stderr)
        expect(again.code).toBe(0)
        expect(again.stderr).not.toContain('Undid unfinished run')
        await expectEveryKeyKept(root, home, tree.keys)
        expectNoSecrets([...outputs, JSON.stringify(listJournals(home))], keyLines(tree.keys))
      } finally {
        cleanup()
      }
    }, 60_000)
  }
})
