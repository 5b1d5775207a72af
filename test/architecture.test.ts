import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'

import {REPO_ROOT} from './helpers/tree.js'

const SRC = join(REPO_ROOT, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

type Layer = 'commands' | 'ui' | 'services' | 'pure'

/** commands/ and cli/ (oclif's side: the base command, shared flags) are the command layer; ui/ renders; services do I/O. */
function layerOf(rel: string): Layer {
  if (rel.startsWith('commands/') || rel.startsWith('cli/')) return 'commands'
  if (rel.startsWith('ui/')) return 'ui'
  if (rel.startsWith('services/')) return 'services'
  return 'pure'
}

interface Arrow {
  readonly from: string
  readonly to: string
  readonly typeOnly: boolean
  /** A module of src/ (a relative import), not a package. */
  readonly internal: boolean
}

/** Every import of a module of src/ by another, and every import of a package. */
function importArrows(): Arrow[] {
  const arrows: Arrow[] = []
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^(import|export)(\s+type)?\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/gm)) {
      const spec = m[3] ?? m[4]!
      const to = spec.startsWith('.') ? relative(SRC, join(file, '..', spec)).replace(/\.jsx?$/, '') : spec
      arrows.push({from, to, typeOnly: m[2] !== undefined, internal: spec.startsWith('.')})
    }
  }
  return arrows
}

describe('the code matches its drawing', () => {
  const arrows = importArrows()
  const show = (list: Arrow[]) => list.map((a) => `${a.from} -> ${a.to}${a.typeOnly ? ' (type)' : ''}`)

  it('imports point one way: commands -> services -> pure modules, ui beside commands', () => {
    expect(arrows.filter((a) => a.internal).length).toBeGreaterThan(500)
    const up = arrows.filter((a) => a.internal).filter((a) => {
      const from = layerOf(a.from)
      const to = layerOf(a.to)
      if (from === 'pure') return to !== 'pure'
      if (from === 'services') return to === 'commands' || to === 'ui'
      // ui renders what services return: their types only.
      if (from === 'ui') return to === 'commands' || (to === 'services' && !a.typeOnly)
      return false
    })
    expect(show(up)).toEqual([])
  })

  it('oclif, ink and react are the command layer\'s and the ui\'s only', () => {
    const misplaced = arrows.filter((a) => /^(@oclif\/core|ink|react)(\/|$)/.test(a.to) && layerOf(a.from) !== 'commands' && layerOf(a.from) !== 'ui')
    expect(show(misplaced)).toEqual([])
    // oclif's index checks the Node version with semver on every start: subpaths only.
    expect(show(arrows.filter((a) => a.to === '@oclif/core'))).toEqual([])
  })

  it('detector rules and their fakes read no environment: randomness is injected (test/setup.ts seeds it)', () => {
    const pure = sourceFiles(join(SRC, 'detectors')).concat(join(SRC, 'lib', 'random.ts'))
    // Code, not text: a near-miss example may well quote `process.env`.
    const code = (file: string) => readFileSync(file, 'utf8').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    const readers = pure.filter((file) => /process\.env/.test(code(file))).map((file) => relative(REPO_ROOT, file))
    expect(readers).toEqual([])
  })
})

describe('a migration run has one owner', () => {
  const arrows = importArrows()
  it("services/rollback.ts takes the run (lock, recovery, undo) from apply/, not from another service", () => {
    expect(arrows.filter((a) => a.from === 'services/rollback.ts' && a.to.startsWith('services/') && !a.to.startsWith('services/vault/')).map((a) => a.to)).toEqual([])
    expect(arrows.some((a) => a.from === 'services/rollback.ts' && a.to === 'apply/run' && !a.typeOnly)).toBe(true)
    // The run's pieces live in apply/run.ts only: a service that defined them again would own a run too.
    // (services/run.ts is `outloop run`, the agent launcher; migrate's SIGINT handling is apply/run.ts's.)
    const services = sourceFiles(join(SRC, 'services')).filter((f) => /function (undoRun|recoverUnfinishedRuns|lockMigrations|applyMigrationRun)\b/.test(readFileSync(f, 'utf8')))
    expect(services.map((f) => relative(SRC, f))).toEqual([])
  })

  it.each(['commands/migrate.ts', 'commands/rollback.ts'])('%s calls one service function and installs no signal handler', (file) => {
    const text = readFileSync(join(SRC, file), 'utf8')
    const called = new Set<string>()
    for (const m of text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'(\.\.\/services\/[^']+)'/gm)) {
      for (const spec of m[1].split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('type '))) {
        if (new RegExp(`\\b${spec}\\(`).test(text)) called.add(spec)
      }
    }
    expect(called.size).toBe(1)
    expect(text).not.toMatch(/process\.on\(|createInterface|instanceof \w+SecretStore/)
  })
})

describe('every command explains itself', () => {
  it('has a summary, a description with its exit codes, and examples in --help', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {summary?: string; description?: string; examples?: string[]; pluginName?: string}>}
    const ours = Object.entries(manifest.commands)
    expect(ours.length).toBeGreaterThan(25)
    const lacking = ours.filter(([, c]) => !c.summary || !c.description || !/Exit codes:/.test(c.description) || !(c.examples?.length ?? 0)).map(([id]) => id)
    expect(lacking).toEqual([])
  })
})
