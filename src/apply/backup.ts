import {readFileSync} from 'node:fs'

import {openSealed, sealBytes} from '../vault/crypto.js'
import {writeFileAtomic} from '../vault/fs-safe.js'

/** The label bound into every backup, so a backup can't be passed off as another file's or another run's. */
function aadFor(run: string, relPath: string): Buffer {
  return Buffer.from(`outloop migrate backup v1\0${run}\0${relPath}`, 'utf8')
}

/** Saves a file's original bytes encrypted (AES-256-GCM under the run's key, kept in the vault), 0600. */
export function writeEncryptedBackup(path: string, key: Buffer, run: string, relPath: string, bytes: Buffer): void {
  const sealed = sealBytes(key, bytes, aadFor(run, relPath))
  writeFileAtomic(path, Buffer.concat([Buffer.from('OLB1'), sealed.nonce, sealed.tag, sealed.ciphertext]))
}

/** A backup's original bytes; null when it is missing, altered, or sealed under another key. */
export function readEncryptedBackup(path: string, key: Buffer, run: string, relPath: string): Buffer | null {
  let data: Buffer
  try {
    data = readFileSync(path)
  } catch {
    return null
  }
  if (data.length < 32 || data.subarray(0, 4).toString() !== 'OLB1') return null
  return openSealed(key, {nonce: data.subarray(4, 16), tag: data.subarray(16, 32), ciphertext: data.subarray(32)}, aadFor(run, relPath))
}
