import {randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {GENESIS, isAuditRegistryValid, signAuditRegistry} from '../../src/audit/chain.js'
import {AuditUnavailableError} from '../../src/audit/files.js'
import {AuditClientRegistry, listAuditClients, readAuditRegistryUnchecked} from '../../src/audit/registry.js'
import {makeTempDir} from '../helpers/tree.js'

describe('the registry of audit clients', () => {
  let dir: string
  let cleanup: () => void
  const key = randomBytes(32)
  const refuse = (why: string) => new AuditUnavailableError(`refused: ${why}`)
  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-registry-')
    dir = join(tmp.dir, 'audit')
    mkdirSync(dir)
    cleanup = tmp.cleanup
  })
  afterEach(() => cleanup())

  it('registers a client once, signed with the chain key, and never moves its position backwards', () => {
    const registry = new AuditClientRegistry(dir, key)
    expect(registry.entry('acme')).toBeUndefined()
    expect(registry.register('acme', join(dir, 'acme.jsonl'), refuse)).toEqual({started: false, seq: 0, hash: GENESIS})
    registry.update('acme', {started: true, seq: 7, hash: 'h7'})
    // A writer that closes late with an older position leaves the newer one.
    registry.update('acme', {started: false, seq: 3, hash: 'h3'})
    expect(registry.entry('acme')).toEqual({started: true, seq: 7, hash: 'h7'})
    expect(new AuditClientRegistry(dir, key).register('acme', join(dir, 'acme.jsonl'), refuse)).toEqual({started: true, seq: 7, hash: 'h7'})
    const written = JSON.parse(readFileSync(join(dir, '.clients.json'), 'utf8'))
    expect(isAuditRegistryValid(key, written)).toBe(true)
    expect(isAuditRegistryValid(randomBytes(32), written)).toBe(false)
    // The lock every writer shares is released after each change.
    expect(() => readFileSync(join(dir, '.clients.lock'))).toThrow()
  })

  it('refuses a log with records that the registry never listed, a missing registry where logs are, and one signed with another key', () => {
    const registry = new AuditClientRegistry(dir, key)
    expect(registry.entry('acme')).toBeUndefined()
    writeFileSync(join(dir, 'acme.jsonl'), '{"seq":1}\n')
    expect(() => registry.entry('acme')).toThrow(/registry of audit clients is missing/)
    writeFileSync(join(dir, '.clients.json'), JSON.stringify(signAuditRegistry(randomBytes(32), {acme: {started: true, seq: 1, hash: 'x'}})))
    expect(() => registry.entry('acme')).toThrow(/damaged or was not written with this chain key/)
    writeFileSync(join(dir, '.clients.json'), '{')
    expect(() => registry.entry('acme')).toThrow(AuditUnavailableError)
  })

  it('refuses to register a client whose log already holds records', () => {
    const registry = new AuditClientRegistry(dir, key)
    registry.register('globex', join(dir, 'globex.jsonl'), refuse)
    writeFileSync(join(dir, 'acme.jsonl'), '{"seq":1}\n')
    expect(() => registry.register('acme', join(dir, 'acme.jsonl'), refuse)).toThrow('refused: is not in the registry of clients')
  })

  it('lists every client with a log, a head or an entry, without the key', () => {
    new AuditClientRegistry(dir, key).register('globex', join(dir, 'globex.jsonl'), refuse)
    writeFileSync(join(dir, 'acme.head'), '')
    writeFileSync(join(dir, 'initech.jsonl'), '')
    writeFileSync(join(dir, '.writers'), '')
    expect(listAuditClients(dir)).toEqual(['acme', 'globex', 'initech'])
    expect(Object.keys(readAuditRegistryUnchecked(dir)?.clients ?? {})).toEqual(['globex'])
    writeFileSync(join(dir, '.clients.json'), 'not json')
    expect(readAuditRegistryUnchecked(dir)).toBeNull()
  })
})
