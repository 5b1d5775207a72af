import {mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Config, Plugin} from '@oclif/core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {fakeKeyFor} from '../helpers/fakes.js'
import {git, initRepo} from '../helpers/git.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli, writeTree} from '../helpers/tree.js'

const TRACER = join(REPO_ROOT, 'scripts', 'lib', 'trace-modules.js')

/** Modules that only some commands need: none of them may load for --version, scan or check. */
const HEAVY = ['/node_modules/ink/', '/node_modules/react/', '/node_modules/react-reconciler/', '/node_modules/@napi-rs/', '/node_modules/@modelcontextprotocol/', '/node_modules/undici/']
/**
 * Modules a scan loads only when a file needs them: the YAML and JSON parsers, globbing beyond the default
 * ignores, the rule tables (for the first file scanned) and the SARIF writer. oclif's package index (semver's
 * engine check) and fast-glob load for no command.
 */
const ON_DEMAND = ['/node_modules/yaml/', '/node_modules/jsonc-parser/', '/node_modules/micromatch/', '/node_modules/fast-glob/', '/node_modules/semver/', '/node_modules/@oclif/core/lib/index.js', '/dist/report/sarif.js']
const RULE_TABLES = '/dist/detectors/registry.js'

describe('start-up', () => {
  let dir: string
  let home: string
  let cleanup: () => void
  let traces = 0
  const outputs: string[] = []
  const planted: string[] = []

  /** Runs the built CLI with the module tracer preloaded; returns its result and every module path it loaded. */
  const traced = async (args: string[], cwd = REPO_ROOT) => {
    const file = join(dir, `trace-${traces++}.txt`)
    const result = await runCli(args, {home, cwd, env: {NODE_OPTIONS: `--import=${pathToFileURL(TRACER).href}`, OUTLOOP_TRACE_MODULES: file}})
    outputs.push(result.stdout, result.stderr)
    const modules = [...new Set(readFileSync(file, 'utf8').split('\n'))].filter((p) => p !== '').map((p) => p.split(sep).join('/'))
    return {...result, modules}
  }
  const heavyIn = (modules: string[]) => modules.filter((p) => HEAVY.some((h) => p.includes(h)))
  const onDemandIn = (modules: string[]) => modules.filter((p) => ON_DEMAND.some((h) => p.includes(h)))
  const commandsIn = (modules: string[]) => modules.filter((p) => p.includes('/dist/commands/')).map((p) => p.slice(p.indexOf('/dist/commands/') + 1))

  beforeAll(() => {
    ;({dir, cleanup} = makeTempDir())
    home = join(dir, 'home')
  })
  afterAll(() => {
    expectNoSecrets(outputs, planted)
    cleanup()
  })

  it('the manifest oclif reads is the one the built commands give (a stale one would hide a new command)', async () => {
    const onDisk = JSON.parse(readFileSync(join(REPO_ROOT, 'oclif.manifest.json'), 'utf8'))
    const fresh = new Plugin({root: REPO_ROOT, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true})
    await fresh.load()
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(fresh.manifest)))

    const commandsDir = join(REPO_ROOT, 'dist', 'commands')
    const ids = (readdirSync(commandsDir, {recursive: true}) as string[])
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.split(sep).join('/').replace(/\.js$/, '').replace(/\/index$/, '').replaceAll('/', ':'))
    expect(Object.keys(onDisk.commands).sort()).toEqual(ids.sort())
  })

  it('outloop --version answers without oclif, in the very line oclif prints', async () => {
    const {code, stdout, modules} = await traced(['--version'])
    expect(code).toBe(0)
    // oclif's own answer, from the same package.json: the fast path in bin/run.js must not drift from it.
    const config = await Config.load(REPO_ROOT)
    expect(stdout).toBe(`${config.userAgent}\n`)
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version
    expect(stdout).toContain(`outloop/${version}`)
    // The trace works (bin/run.js itself is seen), and no package at all loads.
    expect(modules.some((p) => p.endsWith('/bin/run.js'))).toBe(true)
    expect(modules.filter((p) => p.includes('/node_modules/'))).toEqual([])
  })

  it('outloop scan loads its own command only, without ink, react, the keychain addon, undici or the MCP SDK', async () => {
    const tree = join(dir, 'clients')
    const key = fakeKeyFor('openai-project-key')
    planted.push(key)
    writeTree(tree, {'acme/.env': `OPENAI_API_KEY=${key}\n`})
    const {code, stdout, modules} = await traced(['scan', tree, '--format', 'json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).findings.map((f: {rule: string}) => f.rule)).toEqual(['openai-project-key'])
    expect(commandsIn(modules)).toEqual(['dist/commands/scan.js'])
    expect(modules.some((p) => p.endsWith('/dist/services/scan.js'))).toBe(true)
    expect(heavyIn(modules)).toEqual([])
    // A .env file needs the rules but neither parser library.
    expect(modules.some((p) => p.endsWith(RULE_TABLES))).toBe(true)
    expect(onDemandIn(modules)).toEqual([])
  })

  it('outloop scan of an empty folder loads no rule table and no parser; an outloop.yaml, a YAML file or SARIF load theirs', async () => {
    const empty = join(dir, 'empty-tree')
    mkdirSync(empty)
    const bare = await traced(['scan', empty])
    expect(bare.code).toBe(0)
    expect(bare.stdout).toContain('No plaintext keys found (0 files')
    expect(bare.modules.filter((p) => p.endsWith(RULE_TABLES))).toEqual([])
    expect(onDemandIn(bare.modules)).toEqual([])
    expect(heavyIn(bare.modules)).toEqual([])

    // Each loads when it is needed, so the lists above would see a module that loads too early.
    const configured = join(dir, 'configured-tree')
    writeTree(configured, {'outloop.yaml': 'ignore:\n  - "**/*.log"\n', 'acme/compose.yaml': 'services:\n  app:\n    image: nginx\n'})
    const sarif = await traced(['scan', configured, '--format', 'sarif'])
    expect(sarif.code, sarif.stderr).toBe(0)
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0')
    for (const lazy of ['/node_modules/yaml/', '/node_modules/micromatch/', '/dist/report/sarif.js', RULE_TABLES]) expect(sarif.modules.some((p) => p.includes(lazy)), lazy).toBe(true)
  })

  it('outloop check --staged (the pre-commit hook) loads none of them either', async () => {
    const repo = join(dir, 'repo')
    writeTree(repo, {'README.md': '# repo\n'})
    initRepo(repo)
    expect((await traced(['baseline', '.'], repo)).code).toBe(0)
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'start')
    writeTree(repo, {'app.js': 'export const greeting = "hello"\n'})
    git(repo, 'add', 'app.js')
    const {code, stdout, modules} = await traced(['check', '--staged'], repo)
    expect(code).toBe(0)
    expect(stdout).toContain('1 file checked')
    expect(commandsIn(modules)).toEqual(['dist/commands/check.js'])
    expect(heavyIn(modules)).toEqual([])
    expect(onDemandIn(modules)).toEqual([])
    // One staged file is scanned on the main thread: a worker would cost more to start than the scan.
    expect(modules.filter((p) => p.endsWith('/dist/scan/worker.js'))).toEqual([])
  })

  it('workers start only from one full batch of files, and find what the main thread finds', async () => {
    const small = join(dir, 'small')
    const large = join(dir, 'large')
    const files = (count: number): Record<string, string> => {
      const tree: Record<string, string> = {}
      for (let i = 0; i < count; i++) tree[`client-${i % 3}/notes-${i}.txt`] = `note ${i}\n`
      for (let i = 0; i < 3; i++) {
        const key = fakeKeyFor('openai-project-key')
        planted.push(key)
        tree[`client-${i}/.env`] = `OPENAI_API_KEY=${key}\n`
      }
      return tree
    }
    writeTree(small, files(10))
    writeTree(large, files(200))
    const findingsOf = (stdout: string) => JSON.parse(stdout).findings
    for (const [tree, workers] of [[small, false], [large, true]] as const) {
      const pooled = await traced(['scan', tree, '--format', 'json', '--threads', '2'])
      const inline = await traced(['scan', tree, '--format', 'json', '--threads', '1'])
      expect(pooled.code).toBe(0)
      expect(pooled.modules.some((p) => p.endsWith('/dist/scan/worker.js'))).toBe(workers)
      expect(findingsOf(pooled.stdout)).toHaveLength(3)
      expect(findingsOf(pooled.stdout)).toEqual(findingsOf(inline.stdout))
    }
  })

  it('the MCP SDK loads for outloop mcp only: not for its --help, nor for any other command', async () => {
    const help = await traced(['mcp', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('list_services')
    expect(heavyIn(help.modules)).toEqual([])
    // The server itself does load it (so the trace would see it): a connected folder, stdin at its end at once.
    const client = join(dir, 'mcp-client')
    mkdirSync(client)
    expect((await runCli(['connect', client, '--tenant', 'acme'], {home})).code).toBe(0)
    const served = await traced(['mcp', '--workspace', client])
    expect(served.code, served.stderr).toBe(0)
    expect(served.modules.some((p) => p.includes('/node_modules/@modelcontextprotocol/sdk/'))).toBe(true)
    expect(served.modules.filter((p) => p.includes('/node_modules/ink/') || p.includes('/node_modules/react/'))).toEqual([])
  })

  it('outloop migrate loads ink and react only for the wizard: a dry run goes without them', async () => {
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    const {code, modules} = await traced(['migrate', empty, '--dry-run'])
    expect(code).toBe(0)
    expect(modules.filter((p) => p.includes('/node_modules/ink/') || p.includes('/node_modules/react/'))).toEqual([])
  })
})
