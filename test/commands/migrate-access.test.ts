import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readWorkspaceBindings} from '../../src/broker/bindings.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {expectNoSecrets, makeTempDir, runCli, spawnCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

/** `migrate --connect` and `--serve`: the step after a migration, the same one the wizard offers. */
describe('outloop migrate, then the access layer in one step', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  const openai = detectableFake('openai-project-key')
  const anthropic = detectableFake('anthropic-api-key')
  const secrets = [openai, anthropic]
  const env = {OUTLOOP_PASSPHRASE: 'access ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  const outputs: string[] = []
  const cli = async (args: string[], extra: {cwd?: string} = {}): Promise<CliResult> => {
    const result = await runCli(args, {home, env, cwd: extra.cwd})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-migrate-access-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    writeTree(root, {'acme/.env': `OPENAI_API_KEY=${openai}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${anthropic}\n`})
  })
  afterEach(() => {
    expectNoSecrets(outputs, secrets)
    cleanup()
  })

  it('--connect binds each client folder and writes a starter policy granting each client only its own keys', async () => {
    const r = await cli(['migrate', root, '--yes', '--connect', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.access.connected.map((c: {tenant: string}) => c.tenant)).toEqual(['acme', 'globex'])
    expect(doc.access.policy).toMatchObject({written: true, granted: 2, ungranted: []})
    expect(readWorkspaceBindings(home).map((b) => [b.tenant, b.dir])).toEqual([
      ['acme', join(root, 'acme')],
      ['globex', join(root, 'globex')],
    ])
    const file = join(home, 'policy.yaml')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const policy = parsePolicyText(readFileSync(file, 'utf8'), file)
    expect(policy.clients.get('acme')?.map((g) => `${g.secret}→${g.service}`)).toEqual(['openai-api-key→openai'])
    expect(policy.clients.get('globex')?.map((g) => `${g.secret}→${g.service}`)).toEqual(['anthropic-api-key→anthropic'])

    // A second client tree later: the policy the operator may have edited is kept, and what it lacks is named.
    writeTree(root, {'initech/.env': `OPENAI_API_KEY=${detectableFake('openai-project-key')}\n`})
    const text = readFileSync(file, 'utf8')
    const again = await cli(['migrate', root, '--yes', '--connect'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(`Connected ${join(root, 'initech')} to initech.`)
    expect(again.stdout).toContain(`Kept the policy at ${file} as it is`)
    expect(again.stdout).toContain('Refused until granted in the policy (no built-in service, or not granted there): outloop://initech/openai-api-key.')
    expect(readFileSync(file, 'utf8')).toBe(text)
  }, 60_000)

  it('--connect binds every folder outloop.yaml maps to a client, not only the first', async () => {
    writeTree(root, {'outloop.yaml': 'tenants:\n  acme-archive: acme\n', 'acme-archive/.env': `OLD_OPENAI_API_KEY=${detectableFake('openai-project-key')}\n`})
    const r = await cli(['migrate', root, '--yes', '--connect', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).access.connected.map((c: {tenant: string; folder: string}) => [c.tenant, c.folder])).toEqual([
      ['acme', join(root, 'acme')],
      ['acme', join(root, 'acme-archive')],
      ['globex', join(root, 'globex')],
    ])
  }, 60_000)

  it('--serve starts the broker: wrong-client access is refused before any upstream call, and Ctrl-C stops it', async () => {
    const migrate = spawnCli(['migrate', root, '--yes', '--serve', '--port', '0'], {home, env})
    try {
      const url = (await migrate.waitFor(/Access layer listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]
      expect(migrate.output()).toContain(`Wrote a starter policy to ${join(home, 'policy.yaml')}`)
      expect(migrate.output()).toContain(`cd ${join(root, 'acme')} && outloop run -- <agent command>`)
      expect((await fetch(`${url}/_outloop/health`)).status).toBe(200)
      expect((await cli(['status'])).stdout).toContain(`Broker: running at ${url}`)

      // An agent of acme sending globex's placeholder: refused by policy, before any backend call.
      const script = `fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer outloop://globex/anthropic-api-key'}, body: '{}'}).then(async (r) => console.log(r.status, (await r.json()).error.reason))`
      const run = await cli(['run', '--workspace', join(root, 'acme'), '--', process.execPath, '-e', script])
      expect(run.stdout.trim(), run.stderr).toBe('403 tenant-mismatch')
      const audit = JSON.parse((await cli(['audit', '--tenant', 'acme', '--json'])).stdout)
      expect(audit.records.map((r: {decision: string; reason: string}) => `${r.decision} ${r.reason}`)).toEqual(['denied tenant-mismatch'])
    } finally {
      const end = await migrate.stop('SIGINT')
      outputs.push(end.output)
      expect(end.code).toBe(0)
      expect(end.output).toContain('Access layer stopped.')
    }
  }, 60_000)

  it('--serve with a broker already running for this home connects the folders and leaves that broker serving', async () => {
    writeTree(home, {'policy.yaml': 'clients:\n  acme:\n    - {secret: openai-api-key, service: openai}\n'})
    const serve = spawnCli(['serve', '--port', '0'], {home, env})
    try {
      const url = (await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)\n/))[1]
      const r = await cli(['migrate', root, '--yes', '--serve', '--port', '0'])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain(`The access layer is already running at ${url}`)
      expect(r.stdout).toContain('Refused until granted in the policy (no built-in service, or not granted there): outloop://globex/anthropic-api-key.')
      expect(readWorkspaceBindings(home).map((b) => b.tenant)).toEqual(['acme', 'globex'])
      expect((await fetch(`${url}/_outloop/health`)).status).toBe(200)
    } finally {
      outputs.push((await serve.stop()).output)
    }
  }, 60_000)
})
