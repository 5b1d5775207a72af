import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readPolicyFileVersion, watchPolicyFile, type PolicyChange, type PolicyWatch} from '../../src/broker/policy-watch.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {evaluatePolicy} from '../../src/policy/evaluate.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {makeTempDir} from '../helpers/tree.js'

const GET_ONLY = 'clients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [GET]\n      paths: ["/v1/models"]\n'
const WITH_POST = 'clients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [GET, POST]\n      paths: ["/v1/models", "/v1/chat/completions"]\n'

describe('watchPolicyFile', () => {
  let dir: string
  let cleanup: () => void
  let file: string
  let clock: number
  let changes: PolicyChange[]
  let watch: PolicyWatch

  const allows = (method: string, path: string): boolean => evaluatePolicy(watch.current(), {tenant: 'acme', service: 'openai', method, path}).allowed
  const tick = (ms: number): void => {
    clock += ms
    watch.current()
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-policy-watch-'))
    file = join(dir, 'policy.yaml')
    writeFileSync(file, GET_ONLY)
    clock = 1_000_000
    changes = []
    const version = readPolicyFileVersion(file)
    // The interval is long: the test's clock alone drives the checks, through current().
    watch = watchPolicyFile(file, {policy: parsePolicyText(version.text, file), ...version}, {settleMs: 300, intervalMs: 50_000, now: () => clock, onChange: (change) => changes.push(change)})
    clock += 50_000
  })
  afterEach(() => {
    watch.close()
    cleanup()
  })

  it('adopts an edit only once the file has stayed unchanged for the settle time', () => {
    expect(allows('POST', '/v1/chat/completions')).toBe(false)
    writeFileSync(file, WITH_POST)
    tick(50_000)
    expect(allows('POST', '/v1/chat/completions')).toBe(false)
    tick(50_000)
    expect(allows('POST', '/v1/chat/completions')).toBe(true)
    expect(changes).toEqual(['reloaded'])
  })

  it('never adopts a half-written file: a grant cut off before its paths would grant every path', () => {
    // In-place writing: the first half lands (valid YAML, no paths: so /** by default), the rest follows.
    const half = GET_ONLY.slice(0, GET_ONLY.indexOf('      paths'))
    writeFileSync(file, half)
    tick(50_000)
    expect(allows('GET', '/v1/files')).toBe(false)
    writeFileSync(file, GET_ONLY + '# done\n')
    tick(50_000)
    expect(allows('GET', '/v1/files')).toBe(false)
    tick(50_000)
    expect(allows('GET', '/v1/files')).toBe(false)
    expect(allows('GET', '/v1/models')).toBe(true)
    expect(changes).toEqual(['reloaded'])
  })

  it('keeps the policy in use on an invalid, then a missing file, records positions without the text, and clears the error when the text in use is back', () => {
    const before = watch.state()
    const pasted = 'sk-' + randomString(ALNUM, 40)
    writeFileSync(file, `clients:\n  acme:\n    - secret: ${pasted}\n      service: openai\n`)
    tick(50_000)
    tick(50_000)
    expect(allows('GET', '/v1/models')).toBe(true)
    expect(watch.state()).toMatchObject({loadedAt: before.loadedAt, digest: before.digest})
    expect(watch.state().error?.problems).toEqual([{line: 3, column: 15, message: expect.stringContaining('expected a secret name')}])
    expect(JSON.stringify(watch.state())).not.toContain(pasted)

    rmSync(file)
    tick(50_000)
    tick(50_000)
    expect(allows('GET', '/v1/models')).toBe(true)
    expect(watch.state().error?.problems).toEqual([{line: 0, column: 0, message: 'the file is gone'}])

    writeFileSync(file, GET_ONLY)
    tick(50_000)
    tick(50_000)
    expect(watch.state()).toEqual(before)
    expect(changes).toEqual(['rejected', 'rejected', 'current'])
  })
})
