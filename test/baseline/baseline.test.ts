import {describe, expect, it} from 'vitest'

import {BASELINE_SCHEMA, baselineHash, buildBaseline, classifyAgainstBaseline, newBaselineSalt, parseBaseline} from '../../src/baseline/baseline.js'
import {UserError} from '../../src/lib/errors.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'

describe('baseline', () => {
  const salt = newBaselineSalt()
  const h1 = baselineHash(salt, new SecretValue(randomString(ALNUM, 40)))
  const h2 = baselineHash(salt, new SecretValue(randomString(ALNUM, 40)))

  it('counts each (file, rule, hash) and stores no value', () => {
    const value = randomString(ALNUM, 40)
    const hash = baselineHash(salt, new SecretValue(value))
    const baseline = buildBaseline(salt, [
      {file: 'a/.env', rule: 'r', hash},
      {file: 'a/.env', rule: 'r', hash},
      {file: 'b/.env', rule: 'r', hash: h2},
    ])
    expect(baseline.schema).toBe(BASELINE_SCHEMA)
    expect(baseline.entries).toEqual([
      {file: 'a/.env', rule: 'r', hash, count: 2},
      {file: 'b/.env', rule: 'r', hash: h2, count: 1},
    ])
    expect(JSON.stringify(baseline)).not.toContain(value)
  })

  it('hashes under the salt: another salt gives another hash', () => {
    const value = new SecretValue(randomString(ALNUM, 40))
    expect(baselineHash(salt, value)).toBe(baselineHash(salt, value))
    expect(baselineHash(newBaselineSalt(), value)).not.toBe(baselineHash(salt, value))
  })

  it('marks copies beyond the recorded count as new, whatever their lines', () => {
    const baseline = buildBaseline(salt, [{file: 'a/.env', rule: 'r', hash: h1}])
    const statuses = classifyAgainstBaseline(baseline, [
      {file: 'a/.env', rule: 'r', hash: h1, line: 40},
      {file: 'a/.env', rule: 'r', hash: h1, line: 90},
      {file: 'b/.env', rule: 'r', hash: h1, line: 1},
      {file: 'a/.env', rule: 'r', hash: h2, line: 2},
    ])
    expect(statuses).toEqual(['baselined', 'new', 'new', 'new'])
  })

  it.each([
    ['not json', /not valid JSON/],
    ['{"schema": "something/v1"}', /it is something\/v1/],
    ['{"schema": "outloop.baseline/v2", "salt": "", "entries": []}', /outloop\.baseline\/v2, and this outloop reads outloop\.baseline\/v1/],
    ['{"schema": "outloop.baseline/v1", "salt": "c2hvcnQ=", "entries": []}', /salt or entries are missing/],
    [`{"schema": "outloop.baseline/v1", "salt": "${Buffer.alloc(32, 1).toString('base64')}", "entries": [{"file": "a", "rule": "r", "hash": "zz", "count": 1}]}`, /malformed/],
    ['null', /not an outloop baseline/],
  ])('refuses a bad baseline: %s', (text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(UserError)
    expect(() => parseBaseline(text, 'b.json')).toThrow(message)
  })
})
