import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {expect, vi} from 'vitest'

import type {AuditRecord} from '../../src/audit/chain.js'
import {readAuditRecords} from '../../src/audit/reader.js'
import {connectWorkspace} from '../../src/broker/bindings.js'
import {brokerPaths} from '../../src/broker/files.js'
import {startBroker, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken} from '../../src/broker/tokens.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {makeTempDir} from '../helpers/tree.js'
import {startFakeUpstream, type FakeUpstream} from './harness.js'

/** Two connected clients (acme, globex), a real loopback upstream and a real broker over one OUTLOOP_HOME. */
export interface AuditWorld {
  readonly home: string
  readonly auditDir: string
  readonly upstream: FakeUpstream
  broker: RunningBroker
  readonly tokens: {readonly acme: string; readonly globex: string}
  readonly keys: readonly string[]
  readonly warnings: string[]
  /** Starts the broker again over the same OUTLOOP_HOME (after a close). */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Sets up the world; `beforeBroker` runs once the folders exist and before the broker starts (mount a tmpfs, say). */
export async function startAuditWorld(beforeBroker: (home: string) => void = () => {}): Promise<AuditWorld> {
  const tmp = makeTempDir('outloop-audit-broker-')
  const home = join(tmp.dir, 'home')
  const dirs = {acme: join(tmp.dir, 'clients', 'acme'), globex: join(tmp.dir, 'clients', 'globex')}
  for (const dir of Object.values(dirs)) mkdirSync(dir, {recursive: true})
  const acme = (await connectWorkspace(home, dirs.acme, 'acme')).binding
  const globex = (await connectWorkspace(home, dirs.globex, 'globex')).binding
  const upstream = await startFakeUpstream()
  const keys = [fakeKeyOf('OpenAI').key, fakeKeyOf('OpenAI').key]
  const policy = parsePolicyText(`services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n  globex:\n    - secret: openai-api-key\n      service: openai\n`, 'policy.yaml')
  const warnings: string[] = []
  const sessionKey = loadSessionKey(home)
  const tokens = {
    acme: mintSessionToken(sessionKey, {tenant: 'acme', workspace: acme.dir, expiresAt: Date.now() + 600_000}).token,
    globex: mintSessionToken(sessionKey, {tenant: 'globex', workspace: globex.dir, expiresAt: Date.now() + 600_000}).token,
  }
  beforeBroker(home)
  const start = () => startBroker({home, policy, resolveSecret: async (tenant) => new SecretValue(tenant === 'acme' ? keys[0] : keys[1]), warn: (m) => warnings.push(m), upstreamTimeoutMs: 5000})
  const world: AuditWorld = {
    home,
    auditDir: brokerPaths(home).auditDir,
    upstream,
    broker: await start(),
    tokens,
    keys,
    warnings,
    async restart() {
      world.broker = await start()
    },
    async close() {
      await world.broker.close()
      await upstream.close()
      tmp.cleanup()
    },
  }
  return world
}

/** Waits until a client's log holds `count` complete records (an outcome is written once its response has ended). */
export function settledAuditRecords(auditDir: string, client: string, count: number): Promise<AuditRecord[]> {
  return vi.waitFor(() => {
    const records = readAuditRecords(auditDir, client)
    expect(records.filter((r) => r.phase === 'complete')).toHaveLength(count)
    return records
  })
}
