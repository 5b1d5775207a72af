#!/usr/bin/env node
// File vault benchmark (run after `npm run build`, or `npm run bench:vault`): fills a fresh vault in a temp
// OUTLOOP_HOME with 10,000 entries across 50 tenants, then reports put and get latency (median, p95, p99) at
// that size, and the time to list every entry and one tenant's. Values are random and never printed.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {loadFingerprintKey} from '../dist/lib/fingerprint.js'
import {SecretValue} from '../dist/lib/secret-value.js'
import {FileSecretStore} from '../dist/vault/file-store.js'

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000)
const TENANTS = 50
const SAMPLES = 500

const home = mkdtempSync(join(tmpdir(), 'outloop-bench-vault-'))
const value = () => new SecretValue('sk-bench-' + randomBytes(36).toString('base64url'))
const ref = (i) => ({tenant: `client-${String(i % TENANTS).padStart(2, '0')}`, name: `key-${i}`})
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b)
  return `median ${quantile(s, 0.5).toFixed(2)} ms, p95 ${quantile(s, 0.95).toFixed(2)} ms, p99 ${quantile(s, 0.99).toFixed(2)} ms`
}

try {
  const store = new FileSecretStore({
    dir: join(home, 'vault'),
    fingerprintKey: loadFingerprintKey(home).key,
    masterKey: 'passphrase',
    passphrase: {given: new SecretValue('bench passphrase ' + randomBytes(8).toString('hex')), ask: () => Promise.reject(new Error('no prompt'))},
  })
  let start = process.hrtime.bigint()
  await store.initialize()
  const unlockMs = ms(start)

  start = process.hrtime.bigint()
  const fillSamples = []
  for (let i = 0; i < ENTRIES; i++) {
    const one = process.hrtime.bigint()
    await store.put(ref(i), {value: value(), provider: 'Bench', sources: {files: [`${ref(i).tenant}/.env`], count: 1}})
    fillSamples.push(ms(one))
  }
  const fillMs = ms(start)

  const putSamples = []
  for (let i = 0; i < SAMPLES; i++) {
    const one = process.hrtime.bigint()
    await store.put(ref((i * 7919) % ENTRIES), {value: value()})
    putSamples.push(ms(one))
  }
  const getSamples = []
  for (let i = 0; i < SAMPLES; i++) {
    const one = process.hrtime.bigint()
    const got = await store.get(ref((i * 104_729) % ENTRIES))
    getSamples.push(ms(one))
    if (got === null) throw new Error('an entry went missing')
  }
  const listRuns = []
  let count = 0
  for (let i = 0; i < 3; i++) {
    const one = process.hrtime.bigint()
    count = (await store.list()).length
    listRuns.push(ms(one))
  }
  if (count !== ENTRIES) throw new Error(`list found ${count} entries, expected ${ENTRIES}`)
  const tenantRuns = []
  for (let i = 0; i < 3; i++) {
    const one = process.hrtime.bigint()
    await store.list({tenant: 'client-07'})
    tenantRuns.push(ms(one))
  }

  console.log(`File vault benchmark: ${ENTRIES.toLocaleString('en-US')} entries in ${TENANTS} tenants (AES-256-GCM, one file per entry, fsync per write)`)
  console.log(`  open (scrypt N=2^17)      ${unlockMs.toFixed(0)} ms`)
  console.log(`  fill ${ENTRIES} new entries  ${(fillMs / 1000).toFixed(1)} s (${(ENTRIES / (fillMs / 1000)).toFixed(0)} puts/s; ${stats(fillSamples)})`)
  console.log(`  put at ${ENTRIES} entries     ${stats(putSamples)} (${SAMPLES} new versions of existing entries)`)
  console.log(`  get at ${ENTRIES} entries     ${stats(getSamples)} (${SAMPLES} reads)`)
  console.log(`  list all ${count} entries   best ${Math.min(...listRuns).toFixed(0)} ms of 3 (${listRuns.map((r) => r.toFixed(0)).join(', ')})`)
  console.log(`  list one tenant (${ENTRIES / TENANTS})     best ${Math.min(...tenantRuns).toFixed(1)} ms of 3`)
} finally {
  rmSync(home, {recursive: true, force: true})
}
