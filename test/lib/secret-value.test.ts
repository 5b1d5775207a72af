import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'

import {fingerprintSecret, loadFingerprintKey} from '../../src/lib/fingerprint.js'
import {previewSecret} from '../../src/lib/preview.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

describe('SecretValue', () => {
  it('redacts itself in every text conversion', () => {
    const raw = 'sk-proj-' + randomString(ALNUM, 40)
    const secret = new SecretValue(raw)
    const texts = [String(secret), `${secret}`, JSON.stringify({secret}), inspect(secret), inspect({nested: [secret]}), secret + '']
    expectNoSecrets(texts, [raw])
    expect(secret.reveal()).toBe(raw)
  })
})

describe('previewSecret', () => {
  it('shows a short prefix and the last four characters only', () => {
    const raw = 'sk-proj-' + randomString(ALNUM, 48)
    const preview = previewSecret(raw)
    expect(preview).toBe(`sk-proj-…${raw.slice(-4)}`)
  })

  it('never shows more than a quarter of a short secret, nor its end', () => {
    expect(previewSecret('hunter2pass')).toBe('…')
    const raw = 'ab_' + randomString(ALNUM, 13)
    const preview = previewSecret(raw)
    expect(preview.replace('…', '').length).toBeLessThanOrEqual(4 + Math.floor(raw.length / 4))
  })
})

describe('fingerprints', () => {
  it('are keyed: the same value under two keys differs, under one key matches', () => {
    const a = makeTempDir()
    const b = makeTempDir()
    try {
      const value = new SecretValue(randomString(ALNUM, 32))
      const keyA = loadFingerprintKey(a.dir)
      const keyB = loadFingerprintKey(b.dir)
      expect(keyA.ephemeral).toBe(false)
      expect(fingerprintSecret(keyA.key, value)).toBe(fingerprintSecret(loadFingerprintKey(a.dir).key, value))
      expect(fingerprintSecret(keyA.key, value)).not.toBe(fingerprintSecret(keyB.key, value))
      expect(fingerprintSecret(keyA.key, value)).toMatch(/^[0-9a-f]{32}$/)
      expect(statSync(join(a.dir, 'fingerprint.key')).mode & 0o777).toBe(0o600)
      expect(readFileSync(join(a.dir, 'fingerprint.key'), 'utf8')).not.toContain(value.reveal())
    } finally {
      a.cleanup()
      b.cleanup()
    }
  })
})
