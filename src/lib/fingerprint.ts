import {createHmac, randomBytes} from 'node:crypto'
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import type {SecretValue} from './secret-value.js'

const KEY_FILE = 'fingerprint.key'
const KEY_BYTES = 32

/** Where the fingerprint key came from: a stable file, or a per-run key when the state folder is not writable. */
export interface FingerprintKey {
  readonly key: Buffer
  readonly ephemeral: boolean
}

/**
 * Loads the installation's fingerprint key from `home`, creating it (0600) on first use. Keyed so that a
 * fingerprint in a report cannot be checked against a guessed key by anyone without this file.
 */
export function loadFingerprintKey(home: string): FingerprintKey {
  const file = join(home, KEY_FILE)
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
    if (key.length === KEY_BYTES) return {key, ephemeral: false}
  } catch {
    // missing or unreadable: create below
  }
  const key = randomBytes(KEY_BYTES)
  try {
    mkdirSync(home, {recursive: true, mode: 0o700})
    writeFileSync(file, key.toString('hex') + '\n', {mode: 0o600, flag: 'wx'})
    chmodSync(file, 0o600)
    return {key, ephemeral: false}
  } catch (error) {
    // Another process won the race to create it: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadFingerprintKey(home)
    return {key, ephemeral: true}
  }
}

/** An HMAC-SHA256 fingerprint of a secret, 128 bits in hex: equal values give equal fingerprints under one key. */
export function fingerprintSecret(key: Buffer, secret: SecretValue): string {
  return createHmac('sha256', key).update(secret.reveal()).digest('hex').slice(0, 32)
}
