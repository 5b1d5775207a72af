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

describe('the code matches its drawing', () => {
  it('detector rules and their fakes read no environment: randomness is injected (test/setup.ts seeds it)', () => {
    const pure = sourceFiles(join(SRC, 'detectors')).concat(join(SRC, 'lib', 'random.ts'))
    // Code, not text: a near-miss example may well quote `process.env`.
    const code = (file: string) => readFileSync(file, 'utf8').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    const readers = pure.filter((file) => /process\.env/.test(code(file))).map((file) => relative(REPO_ROOT, file))
    expect(readers).toEqual([])
  })
})
