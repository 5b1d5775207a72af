import {execFileSync} from 'node:child_process'
import {closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {listJournals} from '../../src/apply/journal.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'
import {readTreeBytes} from './migrate-tree.js'

const env = {OUTLOOP_PASSPHRASE: 'file system test passphrase', OUTLOOP_VAULT: ''}

/** Whether this process may mount a tmpfs (root, and a kernel that lets it); else why not, to print. */
function whyNoTmpfs(): string | null {
  if (process.getuid?.() !== 0) return 'not root: a read-only or full tmpfs needs mount'
  const {dir, cleanup} = makeTempDir('outloop-mount-probe-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {stdio: 'ignore'})
    execFileSync('umount', [dir], {stdio: 'ignore'})
    return null
  } catch {
    return 'mount -t tmpfs is refused here (no CAP_SYS_ADMIN)'
  } finally {
    cleanup()
  }
}

const noTmpfs = whyNoTmpfs()
if (noTmpfs !== null) console.log(`Skipping the full-disk and read-only folder tests: ${noTmpfs}.`)

/** Fills a file system to the last byte with 4 KiB files; returns them, so a test can free a page or two. */
function fill(dir: string): string[] {
  const made: string[] = []
  const page = Buffer.alloc(4096, 0x2e)
  for (let i = 0; ; i++) {
    const path = join(dir, `.filler-${i}`)
    const fd = openSync(path, 'w')
    try {
      writeSync(fd, page)
      made.push(path)
    } catch {
      closeSync(fd)
      unlinkSync(path)
      return made
    } finally {
      try {
        closeSync(fd)
      } catch {
        // closed above
      }
    }
  }
}

describe.skipIf(noTmpfs !== null)('a full disk or a read-only folder while migrating: a clear exit 2, files put back, never "internal problem"', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  let mounts: string[]
  let outputs: string[]
  let keys: string[]

  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const mountTmpfs = (at: string, size: string): void => {
    mkdirSync(at, {recursive: true})
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', at])
    mounts.push(at)
  }
  const remount = (at: string, options: string): void => {
    execFileSync('mount', ['-o', `remount,${options}`, at])
  }
  /** Two clients: acme's file on the ordinary disk (rewritten first), globex's where the test puts it. */
  const plantClients = (globexPadding = 0): Record<string, string> => {
    const a = detectableFake('openai-project-key')
    const g = detectableFake('anthropic-api-key')
    keys.push(a, g)
    const files = {'acme/.env': `# acme\nOPENAI_API_KEY=${a}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${g}\n${'# padding line for a file larger than a page\n'.repeat(globexPadding)}`}
    writeTree(root, files)
    return files
  }
  const expectTreeAsBefore = (before: Record<string, string>): void => {
    const now = readTreeBytes(root)
    for (const [rel, text] of Object.entries(before)) expect(now.get(rel)?.toString('utf8'), rel).toBe(text)
    // No temp file of a failed replacement is left beside a client file.
    for (const client of new Set(Object.keys(before).map((rel) => rel.split('/')[0]))) expect(readdirSync(join(root, client)).filter((n) => n.includes('.outloop-'))).toEqual([])
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-fs-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    mounts = []
    outputs = []
    keys = []
  })
  afterEach(() => {
    for (const at of mounts.reverse()) execFileSync('umount', ['-l', at])
    expectNoSecrets(outputs, keys)
    cleanup()
  })

  it('a read-only client folder: says which file failed and that the one already rewritten was put back', async () => {
    mountTmpfs(join(root, 'globex'), '256k')
    const before = plantClients()
    remount(join(root, 'globex'), 'ro')

    const result = await cli(['migrate', root, '--yes'])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toContain('internal problem')
    expect(result.stderr).not.toContain('Nothing was changed')
    expect(result.stderr).toContain("Error: Couldn't rewrite globex/.env: the file system is read-only (EROFS).")
    expect(result.stderr).toContain("The 1 file already rewritten was put back from the run's backups (acme/.env), so every client file is as it was.")
    expect(result.stderr).toMatch(/Values already stored stay in the vault \(outloop rollback \d{8}-\d{6}-[0-9a-f]{4} --purge removes them\)\./)
    expect(result.stderr).toContain(`Make it writable (remount it read-write), then run the migration again (outloop migrate ${root} --dry-run to review it first).`)
    expectTreeAsBefore(before)
    const [journal] = listJournals(home)
    expect(journal.status).toBe('rolled-back')
    expect(journal.interrupted).toBe(true)

    // Once the folder is writable, the same command migrates both clients, with nothing left to undo.
    remount(join(root, 'globex'), 'rw')
    const again = await cli(['migrate', root, '--yes'])
    expect(again.code).toBe(0)
    expect(again.stderr).not.toContain('Undid unfinished run')
    expect(readFileSync(join(root, 'globex/.env'), 'utf8')).toBe('ANTHROPIC_API_KEY=outloop://globex/anthropic-api-key\n')
  }, 120_000)

  it('a full disk under a client folder: the write that does not fit fails whole, and the run is put back', async () => {
    mountTmpfs(join(root, 'globex'), '64k')
    // globex's file spans several pages, and one page is left free: a write of it gets part-way, then no further.
    const before = plantClients(200)
    const fillers = fill(join(root, 'globex'))
    unlinkSync(fillers.pop() as string)

    const result = await cli(['migrate', root, '--yes'])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toContain('internal problem')
    expect(result.stderr).toContain("Error: Couldn't rewrite globex/.env: no space is left on the device (ENOSPC).")
    expect(result.stderr).toContain("The 1 file already rewritten was put back from the run's backups (acme/.env), so every client file is as it was.")
    expect(result.stderr).toContain('Free some space on that disk, then run the migration again')
    expectTreeAsBefore(before)
    expect(listJournals(home)[0].status).toBe('rolled-back')
  }, 120_000)

  it('a full disk under OUTLOOP_HOME while backing up: says no client file was touched, and the next run starts clean', async () => {
    mountTmpfs(home, '1m')
    // A client file larger than what is left under OUTLOOP_HOME once the vault is written: its backup can't fit.
    const big = detectableFake('openai-project-key')
    keys.push(big)
    const before = {'acme/.env': `OPENAI_API_KEY=${big}\n${'# a long comment line in a large file\n'.repeat(28_000)}`}
    writeTree(root, before)

    const result = await cli(['migrate', root, '--yes'])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toContain('internal problem')
    expect(result.stderr).toMatch(/Error: Couldn't save the encrypted backup of acme\/\.env in .*migrations\/\d{8}-\d{6}-[0-9a-f]{4}: no space is left on the device \(ENOSPC\)\./)
    expect(result.stderr).toContain('No client file had been rewritten yet, so every client file is as it was.')
    expectTreeAsBefore(before)

    remount(home, 'size=8m')
    const again = await cli(['migrate', root, '--yes'])
    expect(again.code).toBe(0)
    expect(readFileSync(join(root, 'acme/.env'), 'utf8').startsWith('OPENAI_API_KEY=outloop://acme/openai-api-key\n')).toBe(true)
  }, 120_000)

  it('rollback into a read-only folder: exit 2, lists the file still rewritten, and the next rollback finishes', async () => {
    mountTmpfs(join(root, 'globex'), '256k')
    const before = plantClients()
    expect((await cli(['migrate', root, '--yes'])).code).toBe(0)
    remount(join(root, 'globex'), 'ro')

    const result = await cli(['rollback', '--yes', '--purge'])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toContain('internal problem')
    expect(result.stdout).toMatch(/Rolled back run \S+: 1 file restored, 0 already original, 1 not put back yet\./)
    expect(result.stdout).toContain('Nothing was purged: the files not put back yet still need their backups and vault entries.')
    expect(result.stderr).toContain("Error: globex/.env: can't write it back: the file system is read-only (EROFS)")
    expect(result.stderr).toMatch(/Fix the cause, then run outloop rollback \S+ again to put them back\./)
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(before['acme/.env'])
    expect(readFileSync(join(root, 'globex/.env'), 'utf8')).toBe('ANTHROPIC_API_KEY=outloop://globex/anthropic-api-key\n')
    expect(listJournals(home)[0].status).toBe('rolling-back')
    // A new migration on top of a run half undone would mix the two: refused, with the rollback to run.
    const migrateMeanwhile = await cli(['migrate', root, '--yes'])
    expect(migrateMeanwhile.code).toBe(2)
    expect(migrateMeanwhile.stderr).toMatch(/Error: Unfinished run \S+ could not be fully undone: globex\/\.env \(can't write it back: the file system is read-only \(EROFS\)\)\. Nothing else was changed\./)
    expect(migrateMeanwhile.stderr).toMatch(/then run outloop rollback \S+, and migrate again\./)

    remount(join(root, 'globex'), 'rw')
    const again = await cli(['rollback', '--yes'])
    expect(again.code).toBe(0)
    expectTreeAsBefore(before)
    expect(listJournals(home)[0].status).toBe('rolled-back')
  }, 120_000)
})
