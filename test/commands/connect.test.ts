import {mkdirSync, realpathSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readWorkspaceBindings} from '../../src/broker/bindings.js'
import {makeTempDir, runCli} from '../helpers/tree.js'

/** `outloop connect`: a typo must not hand one client's folder to another. */
describe('outloop connect', () => {
  let dir: string
  let cleanup: () => void
  let home: string
  let acme: string
  const cli = (args: string[]) => runCli(args, {home})
  const bound = () => readWorkspaceBindings(home).map((b) => [b.dir, b.tenant])

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-connect-'))
    home = join(dir, 'home')
    mkdirSync(join(dir, 'clients', 'acme', 'sub'), {recursive: true})
    mkdirSync(join(dir, 'clients', 'shared-tools'), {recursive: true})
    acme = realpathSync(join(dir, 'clients', 'acme'))
  })
  afterEach(() => cleanup())

  it('never rebinds a folder of another client without --force, and says how', async () => {
    expect((await cli(['connect', acme, '--tenant', 'acme'])).code).toBe(0)
    const typo = await cli(['connect', acme, '--tenant', 'globex'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(`${acme} is connected to acme: not rebound to globex.`)
    expect(typo.stderr).toContain('--force')
    expect(bound()).toEqual([[acme, 'acme']])
    const again = await cli(['connect', acme, '--tenant', 'acme'])
    expect(again.stdout).toContain('was already connected to acme')
    const forced = await cli(['connect', acme, '--tenant', 'globex', '--force'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(forced.stdout).toContain('(was acme; its sessions stop working)')
    expect(bound()).toEqual([[acme, 'globex']])
  }, 30_000)

  it("refuses a subfolder of a connected folder for another client, allows it for the same one", async () => {
    expect((await cli(['connect', acme, '--tenant', 'acme'])).code).toBe(0)
    const sub = join(acme, 'sub')
    const other = await cli(['connect', sub, '--tenant', 'globex'])
    expect(other.code).toBe(2)
    expect(other.stderr).toContain(`${sub} is inside ${acme}, which is connected to acme: not connected to globex.`)
    expect(bound()).toEqual([[acme, 'acme']])
    expect((await cli(['connect', sub, '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', sub, '--tenant', 'globex', '--force'])).code).toBe(0)
    expect(bound()).toEqual([
      [acme, 'acme'],
      [sub, 'globex'],
    ])
  }, 30_000)

  it("refuses outloop's own namespaces as a client (outloop.migrate holds the backup keys), also with --force", async () => {
    for (const tenant of ['outloop.migrate', 'outloop.templates']) {
      const refused = await cli(['connect', acme, '--tenant', tenant, '--force'])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(`"${tenant}" is outloop's own namespace, not a client.`)
    }
    expect(bound()).toEqual([])
  }, 30_000)

  it("warns when the folder's name and the client differ", async () => {
    const ok = await cli(['connect', acme, '--tenant', 'acme'])
    expect(ok.stderr).not.toContain('Warning')
    const odd = await cli(['connect', join(dir, 'clients', 'shared-tools'), '--tenant', 'globex'])
    expect(odd.code).toBe(0)
    expect(odd.stderr).toContain("Warning: The folder's name (shared-tools) does not match the client globex")
  }, 30_000)
})
