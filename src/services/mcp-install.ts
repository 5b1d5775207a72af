import {createHmac, randomBytes} from 'node:crypto'
import {closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, rmdirSync, statSync, unlinkSync, writeSync} from 'node:fs'
import {homedir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {isDeepStrictEqual} from 'node:util'

import {OwnerNotKeptError, replaceFileAtomic} from '../apply/replace-file.js'
import {findWorkspaceBinding, readWorkspaceBindings, resolveWorkspaceDir} from '../broker/bindings.js'
import {UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {
  findMcpServerEntry,
  insertMcpServerEntry,
  isEmptyMcpConfig,
  mcpHostConfig,
  McpConfigTextError,
  removeMcpServerEntry,
  undoMcpServerInsert,
  type InsertedSpan,
  type McpConfigFormat,
  type McpHost,
  type McpHostConfig,
  type McpServerEntry,
} from '../mcp/install-edit.js'
import {acquireFileLock, fsyncFolder, writeFileAtomic} from '../vault/fs-safe.js'

const RECORDS_FILE = 'mcp-installs.json'
const RECORDS_SCHEMA = 'outloop.mcp-installs/v1'

/** What one install did, kept in OUTLOOP_HOME so that uninstall can undo exactly that. */
export interface McpInstallRecord {
  readonly host: McpHost
  readonly format: McpConfigFormat
  readonly file: string
  readonly name: string
  readonly workspace: string
  readonly tenant: string
  readonly installedAt: string
  readonly entry: McpServerEntry
  /** The file did not exist: uninstall removes it, and then these folders it made (outermost first) when empty. */
  readonly createdFile: boolean
  readonly createdDirs: readonly string[]
  /**
   * Keyed hashes (HMAC under the installation's fingerprint key: the file may hold other servers' keys) of the
   * file right after the install, and of what an uninstall gives back (null when the install created the file).
   */
  readonly after: string
  readonly before: string | null
  /** The spans the install inserted, in the file as it wrote it: removing them is the exact undo. */
  readonly inserted: readonly InsertedSpan[]
  /** It replaced an entry of the same name that outloop had not written; that one is not kept (it may hold a key). */
  readonly replacedForeign: boolean
}

export interface McpInstallOptions {
  /** OUTLOOP_HOME */
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** The client folder: it must be connected. */
  readonly workspace: string
  readonly host: McpHost
  /** The configuration file to edit instead of the host's usual one. */
  readonly config?: string
  /** The entry's name (default `outloop`, or `outloop-<client>` in the per-user files every client shares). */
  readonly name?: string
  /** Replace an entry of the same name that outloop did not write, or its own older one. */
  readonly force?: boolean
  readonly now?: Date
}

export interface McpInstallOutcome {
  readonly action: 'installed' | 'unchanged'
  readonly host: McpHost
  readonly file: string
  readonly name: string
  readonly workspace: string
  readonly tenant: string
  readonly entry: McpServerEntry
  readonly createdFile: boolean
  readonly createdDirs: readonly string[]
  /** What was there before under that name: nothing, someone else's entry, or an older install of outloop's. */
  readonly replaced: 'none' | 'foreign' | 'previous-install'
}

export interface McpUninstallOptions {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly workspace: string
  readonly host: McpHost
  readonly config?: string
  readonly name?: string
  /** Take the entry out even when it was changed by hand since the install. */
  readonly force?: boolean
}

export interface McpUninstallOutcome {
  /**
   * restored: the file is byte for byte what it was; removed-file: the install had created it, and it is gone;
   * removed-entry: the file was edited since, so only outloop's entry was taken out; already-gone: nothing was left.
   */
  readonly action: 'restored' | 'removed-file' | 'removed-entry' | 'already-gone'
  readonly host: McpHost
  readonly file: string
  readonly name: string
  readonly workspace: string
  readonly removedDirs: readonly string[]
  /** The install had replaced someone else's entry of this name, which is not brought back. */
  readonly replacedForeign: boolean
}

/**
 * The server entry that starts `outloop mcp` for `workspace`: this Node and this package's entry point, by absolute
 * paths, since an agent host starts it with its own PATH (a desktop app's is not the shell's, and may have no `node`).
 */
export function outloopMcpServerEntry(workspace: string): McpServerEntry {
  // This module is dist/services/mcp-install.js (or src/services/… under the tests): the package is two up.
  const entry = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
  return {command: process.execPath, args: [entry, 'mcp', '--workspace', workspace]}
}

/**
 * Writes outloop's MCP server entry for a connected client folder into the file `host` reads, with a minimal
 * edit, and records how to undo it. An entry of that name it did not write is refused unless `force`.
 */
export async function installMcpServer(options: McpInstallOptions): Promise<McpInstallOutcome> {
  const workspace = resolveWorkspaceDir(options.workspace)
  const binding = findWorkspaceBinding(readWorkspaceBindings(options.home), workspace)
  if (!binding) throw new UserError(`${workspace} is not connected to a client.`, `outloop connect ${workspace} --tenant <client> first: the server serves the client the folder is connected to.`)
  const location = locateConfig(options, workspace)
  const name = options.name ?? (location.scope === 'workspace' ? 'outloop' : `outloop-${binding.tenant}`)
  checkEntryName(name)
  const entry = outloopMcpServerEntry(workspace)
  const key = loadFingerprintKey(options.home).key
  return withRecordsLock(options.home, () => {
    let records = readInstallRecords(options.home)
    const common = {host: options.host, file: location.file, name, workspace, tenant: binding.tenant, entry}
    let replaced: McpInstallOutcome['replaced'] = 'none'
    const previous = records.find((r) => r.file === location.file && r.name === name)
    if (previous) {
      const found = findEntryIn(location, name)
      if (found.present && previous.workspace === workspace && sameEntry(found.value, entry)) {
        return {...common, action: 'unchanged', createdFile: false, createdDirs: [], replaced: 'none'}
      }
      if (found.present && !options.force) {
        const what = previous.workspace === workspace ? 'an older entry' : `the entry for ${previous.workspace}`
        throw new UserError(
          `${location.file} already holds ${what} that outloop installed as ${name}.`,
          previous.workspace === workspace ? 'Run again with --force to rewrite it.' : `Give this one another name with --name, or run outloop mcp uninstall --workspace ${previous.workspace} --for ${previous.host} first.`,
        )
      }
      if (found.present) {
        undoRecordedInstall(previous, key, true)
        replaced = 'previous-install'
      }
      // An entry taken out by hand leaves a record with nothing to undo.
      records = records.filter((r) => r !== previous)
      writeInstallRecords(options.home, records)
    }

    const bytes = readConfigBytes(location.file)
    const original = bytes === null ? '' : decodeConfig(bytes, location.file)
    let base = original
    if (editConfig(location.file, () => findMcpServerEntry(location.format, original, name)).present) {
      if (!options.force) {
        throw new UserError(
          `${location.file} already has an MCP server named ${name} that outloop did not write.`,
          `Give outloop's entry another name with --name, or replace that one with --force (outloop mcp uninstall will not bring it back).`,
        )
      }
      base = editConfig(location.file, () => removeMcpServerEntry(location.format, original, name))
      replaced = 'foreign'
    }
    const edited = editConfig(location.file, () => insertMcpServerEntry(location.format, base, name, entry))
    const after = Buffer.from(edited.text, 'utf8')
    const createdDirs = bytes === null ? missingFolders(dirname(location.file)) : []
    const record: McpInstallRecord = {
      ...common,
      format: location.format,
      installedAt: (options.now ?? new Date()).toISOString(),
      createdFile: bytes === null,
      createdDirs,
      after: keyedHash(key, after),
      before: bytes === null ? null : keyedHash(key, Buffer.from(base, 'utf8')),
      inserted: edited.inserted,
      replacedForeign: replaced === 'foreign',
    }
    // The record first: a crash before the file is written leaves a record whose undo finds nothing to do,
    // never an entry outloop wrote without the means to take it out.
    writeInstallRecords(options.home, [...records, record])
    try {
      if (bytes === null) createConfigFile(location.file, after, createdDirs)
      else replaceConfigFile(location.file, after)
    } catch (error) {
      writeInstallRecords(options.home, records)
      removeEmptyFolders(createdDirs)
      throw error
    }
    return {...common, action: 'installed', createdFile: bytes === null, createdDirs, replaced}
  })
}

/**
 * Takes out what `installMcpServer` put in for this folder and host: the file byte for byte as it was (or gone,
 * with the folders made for it, when the install created it); a file edited since loses only outloop's entry.
 */
export async function uninstallMcpServer(options: McpUninstallOptions): Promise<McpUninstallOutcome> {
  const absolute = resolve(options.workspace)
  // The folder may be gone by now: the per-user files still hold its entry.
  const workspace = existsSync(absolute) ? realpathSync(absolute) : absolute
  const location = locateConfig(options, workspace)
  if (options.name !== undefined) checkEntryName(options.name)
  const key = loadFingerprintKey(options.home).key
  return withRecordsLock(options.home, () => {
    const records = readInstallRecords(options.home)
    const matches = records.filter((r) => r.host === options.host && r.file === location.file && r.workspace === workspace && (options.name === undefined || r.name === options.name))
    if (matches.length === 0) {
      throw new UserError(
        `outloop has no ${options.host} entry recorded for ${workspace} in ${location.file}.`,
        'outloop uninstalls only what outloop mcp install wrote (an entry written by hand is removed by hand); check --for, --config and --name.',
      )
    }
    if (matches.length > 1) throw new UserError(`${location.file} holds ${matches.length} entries outloop installed for ${workspace}: ${matches.map((r) => r.name).join(', ')}.`, 'Say which one with --name.')
    const record = matches[0]
    const done = undoRecordedInstall(record, key, options.force ?? false)
    writeInstallRecords(
      options.home,
      records.filter((r) => r !== record),
    )
    return {host: record.host, file: record.file, name: record.name, workspace: record.workspace, replacedForeign: record.replacedForeign, ...done}
  })
}

/** Undoes one recorded install in its file (the record itself is the caller's to drop). */
function undoRecordedInstall(record: McpInstallRecord, key: Buffer, force: boolean): {action: McpUninstallOutcome['action']; removedDirs: string[]} {
  const bytes = readConfigBytes(record.file)
  if (bytes === null) return {action: 'already-gone', removedDirs: record.createdFile ? removeEmptyFolders(record.createdDirs) : []}
  const hash = keyedHash(key, bytes)
  const text = decodeConfig(bytes, record.file)
  if (hash === record.after) {
    const restored = editConfig(record.file, () => undoMcpServerInsert(text, record.inserted))
    if (record.createdFile) {
      unlinkSync(record.file)
      fsyncFolder(dirname(record.file))
      return {action: 'removed-file', removedDirs: removeEmptyFolders(record.createdDirs)}
    }
    replaceConfigFile(record.file, Buffer.from(restored, 'utf8'))
    return {action: 'restored', removedDirs: []}
  }
  // Already as it was: undone by hand, or a crash came between the record and the file.
  if (record.before !== null && hash === record.before) return {action: 'already-gone', removedDirs: []}
  const found = editConfig(record.file, () => findMcpServerEntry(record.format, text, record.name))
  if (!found.present) return {action: 'already-gone', removedDirs: []}
  if (!force && !sameEntry(found.value, record.entry)) {
    throw new UserError(`The entry ${record.name} in ${record.file} was changed since outloop installed it.`, 'Run again with --force to take it out anyway (only that entry; the rest of the file stays as it is).')
  }
  const next = editConfig(record.file, () => removeMcpServerEntry(record.format, text, record.name))
  if (record.createdFile && isEmptyMcpConfig(record.format, next)) {
    // Changed since, but nothing of anyone's is left in the file the install made: it goes, as it came.
    unlinkSync(record.file)
    fsyncFolder(dirname(record.file))
    return {action: 'removed-file', removedDirs: removeEmptyFolders(record.createdDirs)}
  }
  replaceConfigFile(record.file, Buffer.from(next, 'utf8'))
  return {action: 'removed-entry', removedDirs: []}
}

function locateConfig(options: {env: NodeJS.ProcessEnv; host: McpHost; config?: string}, workspace: string): McpHostConfig {
  const home = process.platform !== 'win32' && options.env.HOME && options.env.HOME.trim() !== '' ? options.env.HOME : homedir()
  const usual = mcpHostConfig(options.host, {workspace, env: options.env, homeDir: home, platform: process.platform})
  return options.config === undefined ? usual : {...usual, file: resolve(options.config)}
}

function checkEntryName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) throw new UserError(`${JSON.stringify(name)} can't name an MCP server entry.`, 'Use letters, digits, ".", "_" and "-" (up to 64), starting with a letter or digit.')
}

function sameEntry(value: unknown, entry: McpServerEntry): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(value ?? null)), {command: entry.command, args: [...entry.args]})
}

function keyedHash(key: Buffer, bytes: Buffer): string {
  return createHmac('sha256', key).update(bytes).digest('hex')
}

/** Runs a pure edit, turning its refusal into one that names the file and the position (never its text). */
function editConfig<T>(file: string, edit: () => T): T {
  try {
    return edit()
  } catch (error) {
    if (!(error instanceof McpConfigTextError)) throw error
    const at = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column})`
    throw new UserError(`Can't edit ${file}: ${error.message}${at}.`, 'Fix the file, or edit it by hand; nothing was written.')
  }
}

function findEntryIn(location: McpHostConfig, name: string): {present: boolean; value?: unknown} {
  const bytes = readConfigBytes(location.file)
  if (bytes === null) return {present: false}
  const text = decodeConfig(bytes, location.file)
  return editConfig(location.file, () => findMcpServerEntry(location.format, text, name))
}

function readConfigBytes(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    if (code === 'EISDIR') throw new UserError(`${file} is a folder, not a configuration file.`, 'Give the file with --config.')
    throw error
  }
}

function decodeConfig(bytes: Buffer, file: string): string {
  const text = bytes.toString('utf8')
  // Edits are made on text: bytes that don't survive decoding could not be given back as they were.
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new UserError(`Can't edit ${file}: it is not UTF-8 text.`, 'Fix the file, or add the entry by hand.')
  return text
}

/** Replaces an existing file atomically, with its mode and owner; a symlinked file is written where it points. */
function replaceConfigFile(file: string, data: Buffer): void {
  const target = realpathSync(file)
  try {
    replaceFileAtomic(target, data)
  } catch (error) {
    if (error instanceof OwnerNotKeptError) throw new UserError(`Can't edit ${file}: ${error.message}.`, 'Run as its owner, or edit it by hand.')
    throw error
  }
}

/** The folders from `dir` up that don't exist yet, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = []
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.unshift(at)
    if (dirname(at) === at) break
  }
  return missing
}

/** Creates the file (and the folders it needs) atomically: a temp file beside it, linked into place. */
function createConfigFile(file: string, data: Buffer, folders: readonly string[]): void {
  for (const folder of folders) mkdirSync(folder)
  for (const folder of folders) if (!statSync(folder).isDirectory()) throw new UserError(`${folder} is not a folder.`)
  const temp = join(dirname(file), `.${file.split(/[\\/]/).pop()}.outloop-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  // An ordinary file, as an editor would make it: the umask decides, as for the user's other files.
  const fd = openSync(temp, 'wx', 0o666)
  try {
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(temp, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${file} appeared while outloop was writing it.`, 'Run the command again.')
    throw error
  } finally {
    unlinkSync(temp)
  }
  fsyncFolder(dirname(file))
}

/** Removes the folders (outermost first in `folders`) that are empty, innermost first; the ones removed. */
function removeEmptyFolders(folders: readonly string[]): string[] {
  const removed: string[] = []
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(folder)
      removed.push(folder)
    } catch {
      // not empty (someone put something there) or already gone: it stays, and so do the ones around it
      break
    }
  }
  return removed
}

async function withRecordsLock<T>(home: string, work: () => T): Promise<T> {
  mkdirSync(home, {recursive: true, mode: 0o700})
  const release = await acquireFileLock(join(home, `${RECORDS_FILE}.lock`), {what: 'The MCP install records'})
  try {
    return work()
  } finally {
    release()
  }
}

/** Every install outloop recorded in OUTLOOP_HOME. */
export function readInstallRecords(home: string): McpInstallRecord[] {
  const path = join(home, RECORDS_FILE)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  let data: {schema?: string; installs?: McpInstallRecord[]}
  try {
    data = JSON.parse(text)
  } catch {
    throw new UserError(`Can't read ${path}: it is damaged.`, 'Move it aside; outloop then treats its entries as ones it did not write (--force replaces them).')
  }
  if (data.schema !== RECORDS_SCHEMA || !Array.isArray(data.installs)) throw new UserError(`Can't read ${path}: it is from another outloop version.`, 'Upgrade outloop, or move the file aside.')
  return data.installs
}

function writeInstallRecords(home: string, records: readonly McpInstallRecord[]): void {
  writeFileAtomic(join(home, RECORDS_FILE), JSON.stringify({schema: RECORDS_SCHEMA, installs: records}, null, 2) + '\n')
}
