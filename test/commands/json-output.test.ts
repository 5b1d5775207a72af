import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {initRepo} from '../helpers/git.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/** The whole of stdout as one JSON document (two documents, or any text beside it, fail to parse). */
function document(result: CliResult): Record<string, any> {
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout)
}

/** Every command that changes state answers --json with one JSON document on stdout, and never a value. */
describe('--json on the commands that had none', () => {
  let dir: string
  let home: string
  let cleanup: () => void
  const passphrase = 'json pass ' + randomString(ALNUM, 16)
  const values = [fakeKeyOf('OpenAI').key, fakeKeyOf('OpenAI').key]
  const outputs: string[] = []
  const env = {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: ''}
  const cli = async (args: string[], input?: string): Promise<CliResult> => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeAll(() => {
    const tmp = makeTempDir('outloop-json-')
    dir = tmp.dir
    cleanup = tmp.cleanup
    home = join(dir, 'home')
  })
  afterAll(() => {
    expectNoSecrets(outputs, [...values, passphrase])
    cleanup()
  })

  it('init, vault set, rotate, rotate --undo and rm', async () => {
    const init = document(await cli(['init', '--master-key', 'passphrase', '--json']))
    expect(init).toMatchObject({schema: 'outloop.init/v1', backend: 'file', created: true, masterKey: 'passphrase', config: join(home, 'vault.json')})

    const set = document(await cli(['vault', 'set', 'acme/openai-api-key', '--provider', 'OpenAI', '--json'], values[0]))
    expect(set).toMatchObject({schema: 'outloop.vault-set/v1', entry: {ref: 'outloop://acme/openai-api-key', provider: 'OpenAI', version: 1}})
    expect(set.entry.fingerprint).toMatch(/^[0-9a-f]{32}$/)

    const rotated = document(await cli(['vault', 'rotate', 'acme/openai-api-key', '--json'], values[1]))
    expect(rotated).toMatchObject({schema: 'outloop.vault-rotate/v1', undo: false, previous: 1, entry: {version: 2}})
    expect(rotated.entry.fingerprint).not.toBe(set.entry.fingerprint)
    const undone = document(await cli(['vault', 'rotate', 'acme/openai-api-key', '--undo', '--json']))
    expect(undone).toMatchObject({schema: 'outloop.vault-rotate/v1', undo: true, from: 1, entry: {version: 3, fingerprint: set.entry.fingerprint}})

    const removed = document(await cli(['vault', 'rm', 'acme/openai-api-key', '--yes', '--json']))
    expect(removed).toMatchObject({schema: 'outloop.vault-rm/v1', ref: 'outloop://acme/openai-api-key', versions: 3})
  })

  it('connect and disconnect', async () => {
    const folder = join(dir, 'clients', 'acme')
    mkdirSync(folder, {recursive: true})
    const connected = document(await cli(['connect', folder, '--tenant', 'acme', '--json']))
    expect(connected).toEqual({schema: 'outloop.connect/v1', dir: folder, tenant: 'acme', changed: true, previousTenant: null, warning: null})
    const again = document(await cli(['connect', folder, '--tenant', 'acme', '--json']))
    expect(again).toMatchObject({changed: false, previousTenant: null})
    const disconnected = document(await cli(['disconnect', folder, '--json']))
    expect(disconnected).toEqual({schema: 'outloop.disconnect/v1', dir: folder, tenant: 'acme'})
  })

  it('baseline, hook install, and scan and check with --json for --format json', async () => {
    const repo = join(dir, 'repo')
    writeTree(repo, {'acme/.env': `OPENAI_API_KEY=${values[0]}\n`})
    initRepo(repo)
    const baseline = document(await cli(['baseline', repo, '--json']))
    expect(baseline).toEqual({schema: 'outloop.baseline-written/v1', file: join(repo, '.outloop-baseline.json'), findings: 1, entries: 1, files: 1, complete: true, notScanned: 0})
    expect(existsSync(baseline.file)).toBe(true)

    const hook = await runCli(['hook', 'install', '--json'], {home, cwd: repo, env})
    outputs.push(hook.stdout, hook.stderr)
    expect(document(hook)).toEqual({schema: 'outloop.hook-install/v1', hook: join(repo, '.git', 'hooks', 'pre-commit'), replaced: false, baseline: '.outloop-baseline.json'})

    const scan = document(await cli(['scan', repo, '--json']))
    expect(scan).toMatchObject({schema: 'outloop.scan/v1', stats: {findings: 1}})
    const check = document(await cli(['check', repo, '--json']))
    expect(check).toMatchObject({schema: 'outloop.scan/v1', baseline: {new: 0, baselined: 1}})
    const both = await cli(['scan', repo, '--json', '--format', 'sarif'])
    expect(both.code).toBe(2)
    expect(both.stdout).toBe('')
  })
})
