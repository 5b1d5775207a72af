import {createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt as scryptCallback} from 'node:crypto'

/** AES-256-GCM: 32-byte keys, 12-byte nonces (fresh per encryption), 16-byte tags. */
export const KEY_BYTES = 32
export const NONCE_BYTES = 12
export const TAG_BYTES = 16

/** scrypt cost for a passphrase: about 128 MiB and a few hundred ms, so guessing is slow. */
export interface ScryptParams {
  readonly N: number
  readonly r: number
  readonly p: number
}

export const DEFAULT_SCRYPT: ScryptParams = {N: 2 ** 17, r: 8, p: 1}

/** One AES-256-GCM encryption. */
export interface Sealed {
  readonly nonce: Buffer
  readonly tag: Buffer
  readonly ciphertext: Buffer
}

/** Encrypts with a fresh random nonce; `aad` is authenticated too, so a sealed box can't be moved elsewhere. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return {nonce, tag: cipher.getAuthTag(), ciphertext}
}

/** Decrypts and authenticates; null when the key is wrong or anything (box or aad) was altered. */
export function openSealed(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce)
    decipher.setAAD(aad)
    decipher.setAuthTag(sealed.tag)
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()])
  } catch {
    return null
  }
}

/** Derives a 32-byte master key from a passphrase. */
export function deriveKeyFromPassphrase(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024
    scryptCallback(passphrase.normalize('NFC'), salt, KEY_BYTES, {N: params.N, r: params.r, p: params.p, maxmem}, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** A sub-key for one purpose, so the data key is never used for two things. */
export function deriveSubKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `outloop vault ${purpose}`, KEY_BYTES))
}

/** A keyed, stable id for a name: file names that do not reveal tenants or entry names. */
export function keyedNameId(key: Buffer, name: string): string {
  return createHmac('sha256', key).update(name).digest('hex').slice(0, 32)
}

/** Fresh random key material. */
export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES)
}
