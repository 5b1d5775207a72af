import {randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {AuditFields} from '../../src/audit/chain.js'
import {isPresentButNotRegular, listAuditLogFiles, lockAuditFile} from '../../src/audit/files.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {makeTempDir} from '../helpers/tree.js'

const fields = (i: number): AuditFields => ({time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), client: 'acme', workspace: '/w', service: null, secret: null, method: 'GET', host: null, path: `/p${i}`, status: 200, decision: 'allowed', reason: 'allowed', durationMs: 0})

describe('the audit folder: its files and its lock', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-files-')
    dir = join(tmp.dir, 'audit')
    mkdirSync(dir)
    cleanup = tmp.cleanup
  })
  afterEach(() => cleanup())

  it('lists the clients with a log or a head, never its own dot files, and tells a link from a file', () => {
    for (const name of ['acme.jsonl', 'acme.head', 'globex.head', '.clients.json', 'acme.lock', 'notes.txt']) writeFileSync(join(dir, name), '')
    expect(listAuditLogFiles(dir).sort()).toEqual(['acme', 'acme', 'globex'])
    symlinkSync(join(dir, 'acme.jsonl'), join(dir, 'linked.jsonl'))
    expect(isPresentButNotRegular(join(dir, 'linked.jsonl'))).toBe(true)
    expect(isPresentButNotRegular(join(dir, 'acme.jsonl'))).toBe(false)
    expect(isPresentButNotRegular(join(dir, 'absent.jsonl'))).toBe(false)
  })

  it("is the vault's lock file: it names its owner, and one held for over a second is taken as a crashed writer's", () => {
    const path = join(dir, 'acme.lock')
    const release = lockAuditFile(path)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({pid: process.pid, host: hostname()})
    // Held, and fresh: the next one waits; aged past a second, it is broken.
    utimesSync(path, new Date(Date.now() - 1500), new Date(Date.now() - 1500))
    const again = lockAuditFile(path)
    release() // the broken one's release leaves the new holder's lock
    expect(() => readFileSync(path)).not.toThrow()
    again()
    expect(() => readFileSync(path)).toThrow()
  })

  it('removes a lock folder an older outloop left behind when it crashed, so appends are not refused for good', () => {
    const key = randomBytes(32)
    const first = new AuditLogWriter(dir, key)
    first.append(fields(1))
    first.close()
    for (const name of ['acme.lock', '.clients.lock']) {
      mkdirSync(join(dir, name))
      utimesSync(join(dir, name), new Date(Date.now() - 5000), new Date(Date.now() - 5000))
    }
    const a = new AuditLogWriter(dir, key)
    const b = new AuditLogWriter(dir, key)
    a.append(fields(2))
    b.append(fields(3))
    a.close()
    b.close()
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 3, problems: []})
  })
})
