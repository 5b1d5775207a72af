import {randomBytes} from 'node:crypto'
import {appendFileSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {AuditLogFollower} from '../../src/audit/follow.js'
import type {AuditFields} from '../../src/audit/chain.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {makeTempDir} from '../helpers/tree.js'

const fields = (client: string, path: string): AuditFields => ({time: new Date().toISOString(), client, workspace: `/w/${client}`, service: 'openai', secret: 'openai-api-key', method: 'GET', host: 'api.openai.com', path, status: 200, decision: 'allowed', reason: 'allowed', durationMs: 1})

describe('AuditLogFollower', () => {
  let dir: string
  let cleanup: () => void
  let writer: AuditLogWriter
  beforeEach(() => {
    const tmp = makeTempDir('outloop-follow-')
    dir = join(tmp.dir, 'audit')
    cleanup = tmp.cleanup
    writer = new AuditLogWriter(dir, randomBytes(32))
  })
  afterEach(() => {
    writer.close()
    cleanup()
  })
  const paths = (records: Array<{path: string}>) => records.map((r) => r.path)

  it('returns what there is, then only what was appended, for a client that appears later too', () => {
    writer.append(fields('acme', '/a1'))
    const follower = new AuditLogFollower(dir)
    expect(paths(follower.read().records)).toEqual(['/a1'])
    expect(follower.read()).toEqual({records: [], problems: []})
    writer.append(fields('acme', '/a2'))
    writer.append(fields('globex', '/g1'))
    expect(paths(follower.read().records)).toEqual(['/a2', '/g1'])
  })

  it('follows one tenant only when told, and an empty folder is no error', () => {
    const follower = new AuditLogFollower(dir, 'globex')
    expect(follower.read()).toEqual({records: [], problems: []})
    writer.append(fields('acme', '/a1'))
    writer.append(fields('globex', '/g1'))
    expect(paths(follower.read().records)).toEqual(['/g1'])
  })

  it('waits for the newline of a line still being written', () => {
    writer.append(fields('acme', '/a1'))
    const follower = new AuditLogFollower(dir)
    follower.read()
    const log = join(dir, 'acme.jsonl')
    writer.close()
    const line = JSON.stringify({...JSON.parse(readFileSync(log, 'utf8').trim()), seq: 2, path: '/a2'})
    appendFileSync(log, line.slice(0, 20))
    expect(follower.read().records).toEqual([])
    appendFileSync(log, line.slice(20) + '\n')
    expect(paths(follower.read().records)).toEqual(['/a2'])
  })

  it('says so when a log got shorter or was replaced, and goes on from its new end', () => {
    writer.append(fields('acme', '/a1'))
    writer.append(fields('acme', '/a2'))
    writer.close()
    const follower = new AuditLogFollower(dir)
    expect(follower.read().records).toHaveLength(2)
    const log = join(dir, 'acme.jsonl')
    const [first] = readFileSync(log, 'utf8').split('\n')
    writeFileSync(`${log}.new`, first + '\n')
    renameSync(`${log}.new`, log)
    const after = follower.read()
    expect(after.records).toEqual([])
    expect(after.problems).toEqual([expect.stringContaining('got shorter or was replaced')])
    appendFileSync(log, JSON.stringify({...JSON.parse(first), seq: 2, path: '/a3'}) + '\n')
    expect(paths(follower.read().records)).toEqual(['/a3'])
  })
})
