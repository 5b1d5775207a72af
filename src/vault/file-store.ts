import {closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, type Stats} from 'node:fs'
import {basename, dirname, join} from 'node:path'

import {fingerprintSecret} from '../lib/fingerprint.js'
import {keyedNameId, NONCE_BYTES, openSealed, sealBytes, TAG_BYTES} from './crypto.js'
import {openVaultKey, readVaultKeyFile, vaultKeyPath, type OpenVault, type VaultKeyOptions} from './file-key.js'
import {acquireFileLock, writeFileAtomic} from './fs-safe.js'
import {
  applyPutToRecord,
  currentVersionOf,
  DEFAULT_MAX_VERSIONS,
  EntryRecordReads,
  entryInfoFromRecord,
  parseEntryRecord,
  serializeEntryRecord,
  storedSecretFromRecord,
  type EntryRecord,
} from './record.js'
import {compareSecretRefs, formatSecretRef, type SecretRef} from './ref.js'
import {VaultUnreadableError, type PutSecretInput, type SecretEntryInfo, type SecretStore, type StoredSecret} from './types.js'

const ENTRIES = 'entries'
const LOCK_FILE = '.lock'
const ENTRY_SUFFIX = '.olv'

/** Entry files start with this magic and a format version byte. */
const ENTRY_MAGIC = Buffer.from('OLVE')
/** Format 2: written by a vault that keeps a version index, so the entry must have a mark there. */
const ENTRY_FORMAT = 2
const HEADER_BYTES = 12

/**
 * The version index, one per tenant folder: each entry's highest version ever written, sealed under the data
 * key. An entry file replaced by an older copy (its `.prev`, a backup of one file) reads below its mark and is
 * refused. Per tenant, so a write rewrites only its own tenant's marks.
 */
const INDEX_FILE = 'versions.idx'
const INDEX_MAGIC = Buffer.from('OLVI')
const INDEX_SCHEMA = 'outloop.vault-index/v1'

export type {MasterKeyMode, PassphraseSource} from './file-key.js'

export interface FileSecretStoreOptions extends VaultKeyOptions {
  /** The installation's fingerprint key (OUTLOOP_HOME/fingerprint.key). */
  readonly fingerprintKey: Buffer
  readonly maxVersions?: number
  readonly now?: () => Date
}

/**
 * The default backend: one AES-256-GCM encrypted file per entry under OUTLOOP_HOME/vault, named by a keyed
 * hash so names and tenants are not readable on disk. Entries are encrypted with a random data key, which is
 * wrapped by a master key kept in the OS keychain or derived from a passphrase (scrypt): file-key.ts.
 */
export class FileSecretStore extends EntryRecordReads implements SecretStore {
  readonly backend = 'file' as const
  readonly location: string
  readonly #options: FileSecretStoreOptions
  #open: Promise<OpenVault> | null = null
  /** The index as last read or written, by its file's identity: a vault with thousands of entries reads it once. */
  readonly #indexCache = new Map<string, {stat: Stats; marks: ReadonlyMap<string, number>}>()

  constructor(options: FileSecretStoreOptions) {
    super()
    this.#options = options
    this.location = `the file vault at ${options.dir}`
  }

  /** Creates the vault if it does not exist yet (protecting its master key as configured); opens it either way. */
  async initialize(): Promise<{created: boolean; masterKey: 'keychain' | 'passphrase'}> {
    const existed = existsSync(this.#keyPath())
    await this.#unlock(true)
    const master = readVaultKeyFile(this.#options.dir).master
    return {created: !existed, masterKey: master.kind}
  }

  async put(ref: SecretRef, input: PutSecretInput): Promise<SecretEntryInfo> {
    const vault = await this.#unlock(true)
    const path = this.#entryPath(vault, ref)
    const release = await acquireFileLock(join(this.#options.dir, LOCK_FILE), {timeoutMs: this.#options.lockTimeoutMs})
    try {
      const tenantDir = dirname(path)
      let marks = this.#readIndex(vault, tenantDir)
      if (marks === null) {
        if (this.#anyIndexedEntry(tenantDir)) throw this.#indexMissing(tenantDir)
        // The index exists before the first entry that needs it, so a crash between the two is never mistaken for a deleted index.
        mkdirSync(tenantDir, {recursive: true, mode: 0o700})
        marks = new Map()
        this.#writeIndex(vault, tenantDir, marks)
      }
      // Read under the lock: this is what makes check-and-set and concurrent writers safe. No rollback check
      // here: a deliberate overwrite (vault set --replace) is how an entry found rolled back is put right.
      const current = this.#readEntryFile(vault, path, ref)?.record ?? null
      const next = applyPutToRecord(current, ref, input, {
        now: (this.#options.now?.() ?? new Date()).toISOString(),
        fingerprint: fingerprintSecret(this.#options.fingerprintKey, input.value),
        maxVersions: this.#options.maxVersions ?? DEFAULT_MAX_VERSIONS,
        versionFloor: marks.get(basename(path)) ?? 0,
      })
      mkdirSync(dirname(path), {recursive: true, mode: 0o700})
      writeFileAtomic(path, this.#encodeEntry(vault, path, next), {keepPrevious: true})
      // After the entry: a crash in between leaves the entry above its mark, which reads fine.
      this.#writeIndex(vault, tenantDir, new Map([...marks, [basename(path), currentVersionOf(next)]]))
      return entryInfoFromRecord(next)
    } finally {
      release()
    }
  }

  async list(options: {tenant?: string} = {}): Promise<SecretEntryInfo[]> {
    if (!existsSync(this.#keyPath())) return []
    const vault = await this.#unlock(false)
    const root = join(this.#options.dir, ENTRIES)
    const tenantDirs = options.tenant === undefined ? listNames(root) : [keyedNameId(vault.namesKey, `tenant:${options.tenant}`)]
    const infos: SecretEntryInfo[] = []
    for (const tenantDir of tenantDirs) {
      // The marks before the entries: a write landing in between only raises an entry above what was read.
      const marks = this.#readIndex(vault, join(root, tenantDir))
      for (const file of listNames(join(root, tenantDir))) {
        if (!file.endsWith(ENTRY_SUFFIX)) continue
        const path = join(root, tenantDir, file)
        const read = this.#readEntryFile(vault, path, null)
        if (read === null) continue
        this.#assertNotRolledBack(vault, path, read, marks)
        if (options.tenant === undefined || read.record.ref.tenant === options.tenant) infos.push(entryInfoFromRecord(read.record))
      }
    }
    return infos.sort((a, b) => compareSecretRefs(a.ref, b.ref))
  }

  async remove(ref: SecretRef): Promise<boolean> {
    if (!existsSync(this.#keyPath())) return false
    const vault = await this.#unlock(false)
    const path = this.#entryPath(vault, ref)
    const release = await acquireFileLock(join(this.#options.dir, LOCK_FILE), {timeoutMs: this.#options.lockTimeoutMs})
    try {
      const existed = existsSync(path)
      for (const file of [path, `${path}.prev`]) {
        try {
          unlinkSync(file)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
      // A removal is deliberate, and writing the entry again starts over at version 1.
      const tenantDir = dirname(path)
      const marks = this.#readIndex(vault, tenantDir)
      if (marks?.delete(basename(path))) this.#writeIndex(vault, tenantDir, marks)
      if (marks?.size === 0 && !listNames(tenantDir).some((name) => name.endsWith(ENTRY_SUFFIX))) {
        unlinkSync(this.#indexPath(tenantDir))
        this.#indexCache.delete(tenantDir)
      }
      try {
        rmdirSync(tenantDir)
      } catch {
        // the tenant still has entries
      }
      return existed
    } finally {
      release()
    }
  }

  #keyPath(): string {
    return vaultKeyPath(this.#options.dir)
  }

  #entryPath(vault: OpenVault, ref: SecretRef): string {
    const tenantDir = keyedNameId(vault.namesKey, `tenant:${ref.tenant}`)
    const file = keyedNameId(vault.namesKey, `entry:${ref.tenant}/${ref.name}`)
    return join(this.#options.dir, ENTRIES, tenantDir, file + ENTRY_SUFFIX)
  }

  protected override async readRecord(ref: SecretRef): Promise<EntryRecord | null> {
    if (!existsSync(this.#keyPath())) return null
    const vault = await this.#unlock(false)
    const path = this.#entryPath(vault, ref)
    const marks = this.#readIndex(vault, dirname(path))
    const read = this.#readEntryFile(vault, path, ref)
    if (read === null) return null
    this.#assertNotRolledBack(vault, path, read, marks)
    return read.record
  }

  /**
   * One version asked for by number, even of an entry found rolled back: naming the version brings nothing
   * back silently, and it is how the value in a restored copy is read before it is confirmed.
   */
  override async getVersion(ref: SecretRef, version: number): Promise<StoredSecret | null> {
    if (!existsSync(this.#keyPath())) return null
    const vault = await this.#unlock(false)
    const read = this.#readEntryFile(vault, this.#entryPath(vault, ref), ref)
    return read === null ? null : storedSecretFromRecord(read.record, version)
  }

  #indexPath(tenantDir: string): string {
    return join(tenantDir, INDEX_FILE)
  }

  /** Each entry's mark (its highest version written), or null when the vault has no index yet. */
  #readIndex(vault: OpenVault, tenantDir: string): Map<string, number> | null {
    let fd: number
    try {
      fd = openSync(this.#indexPath(tenantDir), 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    let bytes: Buffer
    let stat: Stats
    try {
      // The stat and the bytes of one open file: a replacement (a new inode) can't slip in between.
      stat = fstatSync(fd)
      const cached = this.#indexCache.get(tenantDir)
      if (cached !== undefined && sameFile(cached.stat, stat)) return new Map(cached.marks)
      bytes = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
    const marks = this.#parseIndex(vault, tenantDir, bytes)
    this.#indexCache.set(tenantDir, {stat, marks: new Map(marks)})
    return marks
  }

  #parseIndex(vault: OpenVault, tenantDir: string, bytes: Buffer): Map<string, number> {
    const damaged = new VaultUnreadableError(
      `The vault's version index ${this.#indexPath(tenantDir)} is damaged (truncated, altered, or from another tenant or vault).`,
      'Restore OUTLOOP_HOME/vault from a backup taken as a whole. Nothing was changed.',
    )
    if (bytes.length < 4 + NONCE_BYTES + TAG_BYTES || !bytes.subarray(0, 4).equals(INDEX_MAGIC)) throw damaged
    const plaintext = openSealed(
      vault.dataKey,
      {nonce: bytes.subarray(4, 4 + NONCE_BYTES), tag: bytes.subarray(4 + NONCE_BYTES, 4 + NONCE_BYTES + TAG_BYTES), ciphertext: bytes.subarray(4 + NONCE_BYTES + TAG_BYTES)},
      indexAad(vault, tenantDir),
    )
    if (plaintext === null) throw damaged
    let data: {schema?: unknown; marks?: unknown}
    try {
      data = JSON.parse(plaintext.toString('utf8')) as typeof data
    } catch {
      throw damaged
    }
    if (data === null || data.schema !== INDEX_SCHEMA || typeof data.marks !== 'object' || data.marks === null) throw damaged
    return new Map(Object.entries(data.marks as Record<string, number>).filter(([, v]) => Number.isInteger(v)))
  }

  #writeIndex(vault: OpenVault, tenantDir: string, marks: ReadonlyMap<string, number>): void {
    const plaintext = Buffer.from(JSON.stringify({schema: INDEX_SCHEMA, marks: Object.fromEntries(marks)}), 'utf8')
    const sealed = sealBytes(vault.dataKey, plaintext, indexAad(vault, tenantDir))
    // No .prev for the index: a kept older copy is exactly what would let an entry and its mark roll back together.
    writeFileAtomic(this.#indexPath(tenantDir), Buffer.concat([INDEX_MAGIC, sealed.nonce, sealed.tag, sealed.ciphertext]))
    // Written under the vault lock, so what is there now is what we wrote: the next read skips decrypting it.
    this.#indexCache.set(tenantDir, {stat: statSync(this.#indexPath(tenantDir)), marks: new Map(marks)})
  }

  /** Whether any entry file of a tenant was written by a vault that keeps an index (its header says format 2 or later). */
  #anyIndexedEntry(tenantDir: string): boolean {
    for (const file of listNames(tenantDir)) {
      if (!file.endsWith(ENTRY_SUFFIX)) continue
      try {
        const bytes = readFileSync(join(tenantDir, file))
        if (bytes.length > 4 && bytes.subarray(0, 4).equals(ENTRY_MAGIC) && bytes.readUInt8(4) >= 2) return true
      } catch {
        // gone meanwhile
      }
    }
    return false
  }

  #indexMissing(tenantDir: string): VaultUnreadableError {
    return new VaultUnreadableError(
      `The vault's version index ${this.#indexPath(tenantDir)} is missing, though its entries were written with one: it was deleted or the vault was copied without it.`,
      'Restore OUTLOOP_HOME/vault from a backup taken as a whole (entries and index together). Nothing was changed.',
    )
  }

  /**
   * Refuses an entry that reads below its mark: an older copy (its .prev, a one-file restore) put over it,
   * which would bring back an old key and drop the versions after it. `marks` is read before the entry.
   */
  #assertNotRolledBack(vault: OpenVault, path: string, read: {record: EntryRecord; format: number}, marks: ReadonlyMap<string, number> | null): void {
    if (marks === null) {
      if (read.format < 2) return
      // A first write may have created the index between our two reads: look once more.
      marks = this.#readIndex(vault, dirname(path))
      if (marks === null) throw this.#indexMissing(dirname(path))
    }
    const mark = marks.get(basename(path))
    const version = currentVersionOf(read.record)
    if (mark === undefined || version >= mark) return
    const ref = formatSecretRef(read.record.ref)
    throw new VaultUnreadableError(
      `The vault entry ${ref} (${path}) was rolled back: it holds version ${version}, but version ${mark} was written since. An older copy (such as its .prev) was put over it, which would bring back an old key and drop the versions after it. Nothing was changed.`,
      `If you put that copy there yourself, read the value you mean to keep (outloop vault get ${ref} --version ${version} --reveal) and store it as the current version with outloop vault set ${ref} --replace. Otherwise restore the file from a backup of its latest version, and rotate the key at its provider.`,
    )
  }

  /** Opens the vault once per store; creates it first when `create` and it does not exist. */
  #unlock(create: boolean): Promise<OpenVault> {
    if (this.#open === null) {
      const opening = openVaultKey(this.#options, create)
      this.#open = opening
      // A failed open (no vault yet on a read, wrong passphrase) must not stick to the store.
      opening.catch(() => {
        if (this.#open === opening) this.#open = null
      })
    }
    return this.#open
  }

  #encodeEntry(vault: OpenVault, path: string, record: EntryRecord): Buffer {
    const plaintext = Buffer.from(serializeEntryRecord(record), 'utf8')
    const header = Buffer.alloc(HEADER_BYTES)
    ENTRY_MAGIC.copy(header, 0)
    header.writeUInt8(ENTRY_FORMAT, 4)
    header.writeUInt32BE(plaintext.length, 8)
    const sealed = sealBytes(vault.dataKey, plaintext, entryAad(vault, header, path))
    return Buffer.concat([header, sealed.nonce, sealed.tag, sealed.ciphertext])
  }

  /** Reads and decrypts one entry file, with its format; null when absent. `expected`, when given, must be the ref inside. */
  #readEntryFile(vault: OpenVault, path: string, expected: SecretRef | null): {record: EntryRecord; format: number} | null {
    let bytes: Buffer
    try {
      bytes = readFileSync(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const what = expected ? `The vault entry ${formatSecretRef(expected)} (${path})` : `The vault file ${path}`
    const restore = existsSync(`${path}.prev`)
      ? `The previous good copy is kept: restore it with  cp ${path}.prev ${path}  (only the last write to this entry is lost; outloop then asks you to confirm that older value), or delete the entry with outloop vault rm. Nothing was changed.`
      : 'Restore it from a backup, or delete the entry with outloop vault rm. Nothing was changed.'
    if (bytes.length < HEADER_BYTES) {
      if (ENTRY_MAGIC.subarray(0, Math.min(bytes.length, 4)).equals(bytes.subarray(0, 4))) throw new VaultUnreadableError(`${what} is truncated.`, restore)
      throw new VaultUnreadableError(`${what} is corrupted: it is not an outloop vault file.`, restore)
    }
    if (!bytes.subarray(0, 4).equals(ENTRY_MAGIC)) throw new VaultUnreadableError(`${what} is corrupted: it is not an outloop vault file.`, restore)
    const format = bytes.readUInt8(4)
    if (format > ENTRY_FORMAT) throw new VaultUnreadableError(`${what} was written by a newer outloop (format ${format}).`, 'Upgrade outloop to read it. Nothing was changed.')
    if (format < 1) throw new VaultUnreadableError(`${what} is corrupted: unknown format ${format}.`, restore)
    const length = bytes.readUInt32BE(8)
    const expectedSize = HEADER_BYTES + NONCE_BYTES + TAG_BYTES + length
    if (bytes.length < expectedSize) throw new VaultUnreadableError(`${what} is truncated (${bytes.length} of ${expectedSize} bytes).`, restore)
    if (bytes.length > expectedSize) throw new VaultUnreadableError(`${what} is corrupted: it has ${bytes.length - expectedSize} bytes too many.`, restore)
    const header = bytes.subarray(0, HEADER_BYTES)
    const sealed = {
      nonce: bytes.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES),
      tag: bytes.subarray(HEADER_BYTES + NONCE_BYTES, HEADER_BYTES + NONCE_BYTES + TAG_BYTES),
      ciphertext: bytes.subarray(HEADER_BYTES + NONCE_BYTES + TAG_BYTES),
    }
    const plaintext = openSealed(vault.dataKey, sealed, entryAad(vault, header, path))
    if (plaintext === null) throw new VaultUnreadableError(`${what} is corrupted: it does not decrypt (altered, or moved from another entry or vault).`, restore)
    const record = parseEntryRecord(plaintext.toString('utf8'), what)
    if (expected && (record.ref.tenant !== expected.tenant || record.ref.name !== expected.name)) {
      throw new VaultUnreadableError(`${what} holds another entry.`, restore)
    }
    return {record, format}
  }
}

/** Binds an entry's ciphertext to its header, its vault and its file name, so files can't be swapped. */
function entryAad(vault: OpenVault, header: Buffer, path: string): Buffer {
  const name = basename(path)
  return Buffer.concat([header, Buffer.from(`|${vault.id}|${name}`)])
}

/** Whether two stats are of the same unchanged file: a replacement through a temp file is a new inode. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs
}

/** Binds an index to its vault and its tenant folder, apart from any entry: one tenant's can't stand in for another's. */
function indexAad(vault: OpenVault, tenantDir: string): Buffer {
  return Buffer.from(`${INDEX_SCHEMA}|${vault.id}|${basename(tenantDir)}`)
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
