import {execFileSync} from 'node:child_process'
import {chmodSync, chownSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const env = {OUTLOOP_PASSPHRASE: 'owner test passphrase', OUTLOOP_VAULT: ''}
const USER = 'outloop-owner-t'

/** The uid and gid of an unprivileged user made for these tests (root only); else why not, to print. */
function testUser(): {uid: number; gid: number} | string {
  if (process.getuid?.() !== 0) return 'not root: a file owned by another user needs root to set up'
  try {
    execFileSync('id', ['-u', USER], {stdio: 'ignore'})
  } catch {
    try {
      execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', USER], {stdio: 'ignore'})
    } catch {
      return 'useradd is not available here'
    }
  }
  return {uid: Number(execFileSync('id', ['-u', USER], {encoding: 'utf8'})), gid: Number(execFileSync('id', ['-g', USER], {encoding: 'utf8'}))}
}

const user = testUser()
if (typeof user === 'string') console.log(`Skipping the file owner tests: ${user}.`)

describe.skipIf(typeof user === 'string')('migrate and rollback never change a file\'s owner', () => {
  const {uid, gid} = user as {uid: number; gid: number}
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  let outputs: string[]
  let keys: string[]

  const cli = async (args: string[], as: 'user' | 'root'): Promise<CliResult> => {
    const result = await runCli(args, {home, env, ...(as === 'user' ? {uid, gid} : {})})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const ownerOf = (rel: string): {uid: number; gid: number; mode: number} => {
    const st = statSync(join(root, rel))
    return {uid: st.uid, gid: st.gid, mode: st.mode & 0o7777}
  }
  /** acme's folder and its .env belong to the user; `root.env` in it belongs to root, 0644 (readable, not writable by the user). */
  const plant = (): Record<string, string> => {
    const a = detectableFake('openai-project-key')
    const r = detectableFake('anthropic-api-key')
    keys.push(a, r)
    const files = {'acme/.env': `OPENAI_API_KEY=${a}\n`, 'acme/root.env': `ANTHROPIC_API_KEY=${r}\n`}
    writeTree(root, files)
    for (const path of [dir, root, join(root, 'acme'), join(root, 'acme/.env')]) chownSync(path, uid, gid)
    chmodSync(join(root, 'acme/.env'), 0o640)
    chmodSync(join(root, 'acme/root.env'), 0o644)
    mkdirSync(home, {mode: 0o700})
    chownSync(home, uid, gid)
    return files
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-owner-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs = []
    keys = []
  })
  afterEach(() => {
    expectNoSecrets(outputs, keys)
    cleanup()
  })

  it('as a user: a root-owned file in their folder is left in place and listed, never handed to them', async () => {
    const before = plant()
    const migrated = await cli(['migrate', root, '--yes'], 'user')
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(migrated.stderr).toContain(
      `Warning: acme/root.env skipped: left in place: it is owned by root (group 0), and outloop runs as uid ${uid}, which can't keep that owner; run the migration as root or as the file's owner to move it`,
    )
    expect(migrated.stdout).toContain('1 files rewritten, 1 skipped')
    expect(readFileSync(join(root, 'acme/root.env'), 'utf8')).toBe(before['acme/root.env'])
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n')
    expect(ownerOf('acme/.env')).toEqual({uid, gid, mode: 0o640})

    const rolledBack = await cli(['rollback', '--yes'], 'user')
    expect(rolledBack.code, rolledBack.stderr).toBe(0)
    for (const [rel, text] of Object.entries(before)) expect(readFileSync(join(root, rel), 'utf8')).toBe(text)
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})
    expect(ownerOf('acme/.env')).toEqual({uid, gid, mode: 0o640})
  }, 120_000)

  it("as root: another user's file keeps its owner, group and mode through migrate and rollback", async () => {
    const before = plant()
    const migrated = await cli(['migrate', root, '--yes'], 'root')
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(migrated.stdout).toContain('2 files rewritten, 0 skipped')
    expect(ownerOf('acme/.env')).toEqual({uid, gid, mode: 0o640})
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})
    const rolledBack = await cli(['rollback', '--yes'], 'root')
    expect(rolledBack.code, rolledBack.stderr).toBe(0)
    for (const [rel, text] of Object.entries(before)) expect(readFileSync(join(root, rel), 'utf8')).toBe(text)
    expect(ownerOf('acme/.env')).toEqual({uid, gid, mode: 0o640})
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})
  }, 120_000)

  it('a rollback by the user of a file root migrated refuses that file (exit 2, listed), and root finishes it', async () => {
    const before = plant()
    expect((await cli(['migrate', root, '--yes'], 'root')).code).toBe(0)
    // The same OUTLOOP_HOME, as after a sudo migrate: handed back to its user.
    execFileSync('chown', ['-R', `${uid}:${gid}`, home])

    const refused = await cli(['rollback', '--yes'], 'user')
    expect(refused.code).toBe(2)
    expect(refused.stderr).not.toContain('internal problem')
    expect(refused.stderr).toContain(`Error: acme/root.env: not put back: it is owned by root (group 0), and outloop runs as uid ${uid}, which can't keep that owner`)
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(before['acme/.env'])
    expect(readFileSync(join(root, 'acme/root.env'), 'utf8')).toBe('ANTHROPIC_API_KEY=outloop://acme/anthropic-api-key\n')
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})

    const finished = await cli(['rollback', '--yes'], 'root')
    expect(finished.code, finished.stderr).toBe(0)
    for (const [rel, text] of Object.entries(before)) expect(readFileSync(join(root, rel), 'utf8')).toBe(text)
    expect(ownerOf('acme/root.env')).toEqual({uid: 0, gid: 0, mode: 0o644})
    expect(ownerOf('acme/.env')).toEqual({uid, gid, mode: 0o640})
  }, 120_000)
})
