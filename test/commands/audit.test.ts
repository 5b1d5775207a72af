import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {AuditFields} from '../../src/audit/chain.js'
import {readAuditRecords} from '../../src/audit/reader.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {brokerPaths, loadOrCreateKeyFile} from '../../src/broker/files.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli} from '../helpers/tree.js'

/** A record of a request; the writer redacts it as the broker's records are (the one place every record passes). */
const request = (over: Partial<AuditFields>): AuditFields => ({
  time: new Date().toISOString(),
  client: 'acme',
  workspace: '/work/clients/acme',
  service: 'openai',
  secret: 'openai-api-key',
  method: 'GET',
  host: 'api.openai.com',
  path: '/v1/models',
  status: 200,
  decision: 'allowed',
  reason: 'allowed',
  durationMs: 12.5,
  ...over,
})

/** Each non-empty line of a stream as JSON: the output must be one JSON value per line, nothing else. */
const jsonLines = (text: string): Array<Record<string, any>> =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))

describe('outloop audit export and tail', () => {
  let home: string
  let cleanup: () => void
  let writer: AuditLogWriter
  // A session token an agent put in its path: the record holds it redacted, and no export may undo that.
  const token = `ols_${randomString(ALNUM, 40)}`
  const outputs: string[] = []

  beforeAll(() => {
    const tmp = makeTempDir('outloop-audit-cli-')
    home = tmp.dir
    cleanup = tmp.cleanup
    const paths = brokerPaths(home)
    writer = new AuditLogWriter(paths.auditDir, loadOrCreateKeyFile(paths.auditKey, paths.auditDir))
    const pending = writer.append(request({time: '2026-12-01T10:00:00.000Z', method: 'POST', path: '/v1/chat/completions', status: 0, durationMs: 0}), {phase: 'pending'})
    writer.append(request({time: '2026-12-01T10:00:00.000Z', method: 'POST', path: '/v1/chat/completions', status: 200, durationMs: 840}), {phase: 'complete', completes: pending.seq})
    writer.append(request({time: '2026-12-01T10:01:00.000Z', secret: 'globex-key', path: `/_t/${token}/v1/models`, status: 403, decision: 'denied', reason: 'wrong-client'}))
    writer.append(request({time: '2026-12-01T10:02:00.000Z', client: 'globex', workspace: '/work/clients/globex', method: 'DELETE', path: '/v1/files/file-1'}))
  })
  afterAll(() => {
    writer.close()
    expectNoSecrets(outputs, [token])
    cleanup()
  })

  const cli = async (...args: string[]) => {
    const result = await runCli(args, {home})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  it('--format jsonl prints each request once, as the log holds it', async () => {
    const result = await cli('audit', '--format', 'jsonl')
    expect(result.code, result.stderr).toBe(0)
    const lines = jsonLines(result.stdout)
    expect(lines).toEqual([...readAuditRecords(brokerPaths(home).auditDir, 'acme'), ...readAuditRecords(brokerPaths(home).auditDir, 'globex')])
    expect(lines.map((r) => `${r.client} ${r.method} ${r.status} ${r.phase}`)).toEqual(['acme POST 200 complete', 'acme GET 403 complete', 'globex DELETE 200 complete'])
    expect(lines[1].path).toBe('/_t/[token]/v1/models')
  })

  it('--format ocsf prints OCSF API Activity events with the tenant in metadata.tenant_uid', async () => {
    const result = await cli('audit', '--format', 'ocsf')
    expect(result.code, result.stderr).toBe(0)
    const events = jsonLines(result.stdout)
    expect(events).toHaveLength(3)
    for (const event of events) {
      expect(event).toMatchObject({class_uid: 6003, category_uid: 6, metadata: {version: '1.3.0', product: {name: 'outloop', vendor_name: 'outloop'}}})
      expect(event.type_uid).toBe(600300 + event.activity_id)
      expect(typeof event.time).toBe('number')
      expect(event.actor.app_name).toBeTruthy()
      expect(event.src_endpoint.hostname).toBeTruthy()
      expect(event.api.operation).toBe(`${event.http_request.http_method} ${event.http_request.url.path}`)
    }
    const [chat, denied, deleted] = events
    expect(chat).toMatchObject({
      activity_id: 1,
      activity_name: 'Create',
      time: Date.parse('2026-12-01T10:00:00.000Z'),
      status_id: 1,
      status: 'Success',
      http_request: {http_method: 'POST', url: {hostname: 'api.openai.com', path: '/v1/chat/completions'}},
      http_response: {code: 200},
      dst_endpoint: {hostname: 'api.openai.com'},
      actor: {app_uid: '/work/clients/acme'},
      metadata: {tenant_uid: 'acme', uid: 'acme:2', correlation_uid: 'acme:1'},
      unmapped: {decision: 'allowed', secret: 'openai-api-key'},
    })
    expect(denied).toMatchObject({activity_id: 2, status_id: 2, status: 'Failure', status_detail: 'wrong-client', severity_id: 3, metadata: {tenant_uid: 'acme'}})
    expect(denied.http_request.url.path).toBe('/_t/[token]/v1/models')
    expect(deleted).toMatchObject({activity_id: 4, type_uid: 600304, metadata: {tenant_uid: 'globex'}})

    const onlyGlobex = jsonLines((await cli('audit', '--format', 'ocsf', '--tenant', 'globex')).stdout)
    expect(onlyGlobex.map((e) => e.metadata.tenant_uid)).toEqual(['globex'])
    const outside = await cli('audit', '--format', 'ocsf', '--tenant', '../broker/broker')
    expect(outside.code).toBe(2)
  })

  it('tail prints the latest records as appended (the pending decision, then its outcome)', async () => {
    const result = await cli('audit', 'tail', '--tenant', 'acme', '--lines', '2', '--format', 'jsonl')
    expect(result.code, result.stderr).toBe(0)
    expect(jsonLines(result.stdout).map((r) => `${r.seq} ${r.phase} ${r.status}`)).toEqual(['2 complete 200', '3 complete 403'])
    const all = await cli('audit', 'tail', '--format', 'ocsf')
    const events = jsonLines(all.stdout)
    expect(events.map((e) => `${e.metadata.uid} ${e.status}`)).toEqual(['acme:1 Unknown', 'acme:2 Success', 'acme:3 Failure', 'globex:1 Success'])
  })

  it('tail --follow prints a record appended after it started, of its tenant only, until it is stopped', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'run.js'), 'audit', 'tail', '--follow', '--tenant', 'acme', '--lines', '1', '--format', 'ocsf'], {env: {...process.env, OUTLOOP_HOME: home}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    const waitForLines = async (count: number): Promise<void> => {
      for (const deadline = Date.now() + 20_000; jsonLines(stdout).length < count; ) {
        if (Date.now() > deadline) throw new Error(`audit tail printed ${jsonLines(stdout).length} lines, not ${count}:\n${stdout}\n${stderr}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    try {
      await waitForLines(1)
      expect(jsonLines(stdout)[0].metadata.uid).toBe('acme:3')
      // Appended while it follows: another client's record first (not to be shown), then acme's.
      writer.append(request({client: 'globex', workspace: '/work/clients/globex', path: '/v1/globex-only'}))
      writer.append(request({path: '/v1/after-start', method: 'PATCH', status: 201}))
      await waitForLines(2)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await closed).toBe(0)
    outputs.push(stdout, stderr)
    const events = jsonLines(stdout)
    expect(events).toHaveLength(2)
    expect(events[1]).toMatchObject({activity_id: 3, status_id: 1, http_request: {url: {path: '/v1/after-start'}}, metadata: {tenant_uid: 'acme', uid: 'acme:4'}})
    expect(stdout).not.toContain('globex-only')
    expect(stderr).toBe('')
  })
})
