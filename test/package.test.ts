import {execFile} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {makeTempDir, REPO_ROOT} from './helpers/tree.js'

const run = promisify(execFile)

/** What `npm pack` would publish, from the built tree (scripts ignored: prepack's clean build would pull dist from under other tests). */
async function packedFiles(): Promise<string[]> {
  const {stdout} = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: REPO_ROOT})
  const [pack] = JSON.parse(stdout) as Array<{files: Array<{path: string}>}>
  return pack.files.map((f) => f.path).sort()
}

describe('the npm package', () => {
  let files: string[]
  const cleanups: Array<() => void> = []
  beforeAll(async () => {
    files = await packedFiles()
  })
  afterAll(() => cleanups.forEach((c) => c()))

  it('ships the entry points, the compiled commands and the manifest, and nothing for development', () => {
    for (const needed of ['bin/outloop', 'bin/run.js', 'bin/node-proxy-preload.cjs', 'oclif.manifest.json', 'package.json', 'README.md', 'dist/commands/scan.js', 'dist/commands/audit/tail.js', 'dist/scan/worker.js']) {
      expect(files, needed).toContain(needed)
    }
    expect(files.filter((f) => f.startsWith('dist/commands/')).length).toBeGreaterThanOrEqual(20)
    expect(files).not.toContain('bin/dev.js')
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'))).toEqual([])
    expect(files.filter((f) => /^(src|test|scripts|contrib|node_modules)\//.test(f) || f.startsWith('tsconfig') || f === 'vitest.config.ts')).toEqual([])
    // Every command the manifest names is in the package.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {relativePath?: string[]}>}
    for (const [id, command] of Object.entries(manifest.commands)) expect(files, id).toContain(command.relativePath!.join('/'))
  })

  it('declares every package the shipped code imports as a dependency, and imports no devDependency', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>}
    const shipped = files.filter((f) => f.endsWith('.js') || f.endsWith('.cjs')).map((f) => readFileSync(join(REPO_ROOT, f), 'utf8'))
    const imported = new Set<string>()
    for (const text of shipped)
      for (const m of text.matchAll(/(?:from |import\(|require\()'((?:@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*)(?=['/])/g)) imported.add(m[1]!)
    // smol-toml is shipped: outloop mcp install checks the Codex config it edits with it.
    expect(imported).toContain('smol-toml')
    for (const name of imported) expect(Object.keys(pkg.dependencies), `${name} is imported by the package`).toContain(name)
    for (const dev of Object.keys(pkg.devDependencies)) expect(imported.has(dev), dev).toBe(false)
  })

  it('runs from the unpacked tarball', async () => {
    const tmp = makeTempDir('outloop-pack-')
    cleanups.push(tmp.cleanup)
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp.dir], {cwd: REPO_ROOT})
    const tarball = readdirSync(tmp.dir).find((f) => f.endsWith('.tgz'))!
    await run('tar', ['-xzf', tarball], {cwd: tmp.dir})
    const unpacked = join(tmp.dir, 'package')
    expect(existsSync(join(unpacked, 'bin', 'dev.js'))).toBe(false)
    // The dependencies as an install would provide them; the package brings everything else.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(unpacked, 'node_modules'))
    const empty = makeTempDir()
    cleanups.push(empty.cleanup)
    const {stdout} = await run(join(unpacked, 'bin', 'outloop'), ['scan', empty.dir, '--format', 'json'], {env: {...process.env, OUTLOOP_HOME: join(tmp.dir, 'home')}})
    expect(JSON.parse(stdout)).toMatchObject({schema: 'outloop.scan/v1', findings: []})
  })
})
