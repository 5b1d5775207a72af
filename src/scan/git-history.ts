import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {readFileSync, realpathSync, type Dirent} from 'node:fs'
import {readdir} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'

import {UserError} from '../lib/errors.js'
import {toPosixPath} from '../lib/paths.js'
import type {BlobPlace} from './history.js'
import {isInside} from './walk.js'

/** A git repository under the scan root whose history `scan --history` reads. */
export interface GitRepository {
  /** Its folder relative to the scan root (`acme`), '' for the root itself. */
  readonly dir: string
  readonly absDir: string
  /** Where the scan root sits inside the repository, when the root is below its top ('' otherwise): only paths under it are read. */
  readonly prefix: string
}

/** The blobs of one repository's history: where each was added, and which are too large to read. */
export interface HistoryBlobs {
  /** Blob id → the paths (root-relative) and commits that added it, newest first. */
  readonly places: ReadonlyMap<string, readonly BlobPlace[]>
  /** Blob ids to read, each once. */
  readonly toRead: readonly string[]
  /** Blob ids over the size limit, left unread. */
  readonly tooLarge: readonly string[]
  /** Blob ids history names but the repository doesn't hold (a partial or damaged clone). */
  readonly missing: readonly string[]
}

/**
 * Variables a git hook or a wrapper may have set that would point every command here at one repository (or
 * one index) instead of the repository in the folder it runs in.
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_PREFIX']

function gitEnv(): NodeJS.ProcessEnv {
  const env = {...process.env}
  for (const name of REPOSITORY_VARIABLES) delete env[name]
  // A partial clone would fetch every missing blob from its remote (and could ask for a password): a scan
  // reads what is on this machine, and lists the rest as not read.
  env.GIT_NO_LAZY_FETCH = '1'
  env.GIT_TERMINAL_PROMPT = '0'
  return env
}

/**
 * Options that keep a repository's own configuration from changing what git prints or from running
 * programs: a scanned repository is content, not something to obey (signature checks run gpg, replace refs
 * hide objects, `diff.relative` and `log.showRoot` would drop paths or the first commit's files).
 */
const SAFE_GIT = ['--no-replace-objects', '-c', 'log.showSignature=false', '-c', 'log.showRoot=true', '-c', 'core.fsmonitor=false']

/** A git command that failed in one repository: the repository is reported as not read, the scan goes on. */
export class GitHistoryFailure extends Error {
  constructor(readonly detail: string) {
    super('git failed')
  }
}

function gitMissing(error: NodeJS.ErrnoException): UserError {
  return new UserError(`Can't run git: ${error.code ?? 'unknown error'}.`, 'Install git, or scan without --history.')
}

/**
 * Finds the git repositories to read: the root's (also when the root is a folder inside one) and every
 * folder below it holding a `.git` folder or file (submodules, worktrees of repositories outside these), with
 * the walk's ignores. `.git` folders themselves are never entered.
 */
export async function findGitRepositories(root: string, ignored: (relPath: string) => boolean): Promise<GitRepository[]> {
  const repositories: GitRepository[] = []
  const realRoot = realpathSync(root)
  const pending: string[] = ['']
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries: Dirent[]
    try {
      entries = await readdir(dir === '' ? root : join(root, dir), {withFileTypes: true})
    } catch {
      // The walk reports folders it cannot list; nothing to add here.
      continue
    }
    const marker = entries.find((e) => e.name === '.git' && (e.isDirectory() || e.isFile()))
    if (marker !== undefined) {
      const absDir = dir === '' ? root : join(root, dir)
      // A linked worktree of a repository already being read (acme/.worktrees/x) has the same history: read once.
      if (!(marker.isFile() && isWorktreeOf(absDir, repositories))) repositories.push({dir, absDir, prefix: ''})
    } else if (dir === '') {
      const enclosing = enclosingRepository(root, realRoot)
      if (enclosing !== null) repositories.push(enclosing)
    }
    const subfolders: string[] = []
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === '.git') continue
      const relPath = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (!ignored(relPath)) subfolders.push(relPath)
    }
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i])
  }
  return repositories
}

/**
 * Whether a folder whose `.git` is a file is a linked worktree (`gitdir: …/acme/.git/worktrees/x`) of one of
 * the repositories found so far, which hold it (the walk goes top-down). Its files then count as that
 * repository's working tree. A submodule's `.git` file points into `.git/modules/` and is read on its own.
 */
function isWorktreeOf(absDir: string, repositories: readonly GitRepository[]): boolean {
  let text: string
  try {
    text = readFileSync(join(absDir, '.git'), 'utf8')
  } catch {
    return false
  }
  const match = /^gitdir: (.+?)\r?\n?$/m.exec(text)
  const worktree = match === null ? null : /^(.*)[\\/]\.git[\\/]worktrees[\\/][^\\/]+[\\/]?$/.exec(resolve(absDir, match[1]))
  if (worktree === null) return false
  const main = resolveLink(worktree[1])
  return main !== null && repositories.some((r) => r.prefix === '' && resolveLink(r.absDir) === main)
}

function resolveLink(path: string): string | null {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}

/** The repository the root is a folder of (the root below its top), or null when the root is in none. */
function enclosingRepository(root: string, realRoot: string): GitRepository | null {
  const result = spawnSync('git', [...SAFE_GIT, 'rev-parse', '--show-toplevel'], {cwd: root, env: gitEnv(), encoding: 'utf8'})
  if (result.error) throw gitMissing(result.error as NodeJS.ErrnoException)
  if (result.status !== 0) return null
  const top = result.stdout.replace(/\n$/, '')
  let realTop: string
  try {
    realTop = realpathSync(top)
  } catch {
    return null
  }
  if (!isInside(realTop, realRoot)) return null
  return {dir: '', absDir: root, prefix: toPosixPath(relative(realTop, realRoot))}
}

/** Starts git in a repository's folder; its stderr is kept (capped) for the failure message. */
function startGit(repo: GitRepository, args: string[]): {child: ChildProcessWithoutNullStreams; done: Promise<void>} {
  const child = spawn('git', [...SAFE_GIT, ...args], {cwd: repo.absDir, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4096) stderr += d.toString('utf8')
  })
  // An early exit (a bad repository) closes stdin under a pending write: the exit status says what happened.
  child.stdin.on('error', () => {})
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject((error as NodeJS.ErrnoException).code === 'ENOENT' ? gitMissing(error) : error))
    child.on('close', (code, signal) => (code === 0 || signal === 'SIGTERM' ? resolve() : reject(new GitHistoryFailure(firstLine(stderr) || `git ${args[0]} exited with ${code ?? signal}`))))
  })
  // Awaited by the caller; a rejection seen first elsewhere must not also be reported as unhandled.
  done.catch(() => {})
  return {child, done}
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}

/** Splits a byte stream on NUL, as UTF-8 fields (git spells paths as bytes; `-z` leaves them unquoted). */
async function* nulFields(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0)
  for await (const chunk of stream) {
    let data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk])
    for (let at = data.indexOf(0); at !== -1; at = data.indexOf(0)) {
      yield data.subarray(0, at).toString('utf8')
      data = data.subarray(at + 1)
    }
    rest = Buffer.from(data)
  }
  if (rest.length > 0) yield rest.toString('utf8')
}

const COMMIT_MARK = '\u0001'
/** Regular files only: symlinks hold a path, gitlinks (submodules) a commit. */
const FILE_MODE = /^100[0-7]{3}$/
const NO_OBJECT = /^0+$/

/**
 * Lists every blob added in the history reachable from any ref, and where: `git log --all --raw` gives each
 * commit's changes (merges only where they differ from every parent, so a conflict's resolution counts and a
 * merged branch's files are not counted twice), then `cat-file --batch-check` their sizes.
 */
export async function listHistoryBlobs(repo: GitRepository, options: {readonly maxFileSize: number; readonly ignored: (relPath: string) => boolean}): Promise<HistoryBlobs> {
  const places = new Map<string, BlobPlace[]>()
  const log = startGit(repo, ['log', '--all', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-relative', '--diff-merges=dense-combined', '--no-color', `--format=${COMMIT_MARK}%H`, ...(repo.prefix === '' ? [] : ['--', '.'])])
  log.child.stdin.end()
  let commit = ''
  let order = -1
  let pendingBlob: string | null = null
  for await (const raw of nulFields(log.child.stdout)) {
    if (pendingBlob !== null) {
      // The path after a change line: any byte but NUL, a leading newline included.
      addPlace(places, pendingBlob, raw, commit, order, repo, options.ignored)
      pendingBlob = null
      continue
    }
    const field = raw.replace(/^\n+/, '')
    if (field.startsWith(COMMIT_MARK)) {
      commit = field.slice(1).trim()
      order++
      continue
    }
    const change = parseChange(field)
    if (change === null) continue
    // Deletions name no new blob; the path still follows and is read (and dropped) as such.
    pendingBlob = FILE_MODE.test(change.mode) && !NO_OBJECT.test(change.object) ? change.object : ''
  }
  await log.done

  const oids = [...places.keys()]
  const sizes = await blobSizes(repo, oids)
  const toRead: string[] = []
  const tooLarge: string[] = []
  const missing: string[] = []
  for (const oid of oids) {
    const size = sizes.get(oid)
    if (size === undefined) missing.push(oid)
    else if (size > options.maxFileSize) tooLarge.push(oid)
    else toRead.push(oid)
  }
  return {places, toRead, tooLarge, missing}
}

function addPlace(places: Map<string, BlobPlace[]>, oid: string, gitPath: string, commit: string, order: number, repo: GitRepository, ignored: (relPath: string) => boolean): void {
  if (oid === '' || gitPath === '') return
  let inRoot = gitPath
  if (repo.prefix !== '') {
    if (!gitPath.startsWith(`${repo.prefix}/`)) return
    inRoot = gitPath.slice(repo.prefix.length + 1)
  }
  const path = repo.dir === '' ? inRoot : `${repo.dir}/${inRoot}`
  // Committed content skips the walker, so its ignores (defaults, outloop.yaml, --ignore) apply here.
  if (ignored(path)) return
  const list = places.get(oid)
  if (list === undefined) places.set(oid, [{path, commit, order}])
  else if (!list.some((p) => p.path === path && p.commit === commit)) list.push({path, commit, order})
}

/**
 * One line of `--raw` output: `:old new oldId newId S` for a commit with one parent, and for a merge's
 * combined form one colon, mode and id per parent before the result's (`::m1 m2 m id1 id2 id MM`).
 */
export function parseChange(field: string): {mode: string; object: string} | null {
  const colons = /^:+/.exec(field)?.[0].length ?? 0
  if (colons === 0) return null
  const tokens = field.slice(colons).split(' ')
  if (tokens.length !== 2 * (colons + 1) + 1) return null
  return {mode: tokens[colons], object: tokens[2 * colons + 1]}
}

/** Sizes of blobs by id, from one `git cat-file --batch-check`; a missing object is left out. */
async function blobSizes(repo: GitRepository, oids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  if (oids.length === 0) return sizes
  const check = startGit(repo, ['cat-file', '--batch-check'])
  check.child.stdin.end(oids.join('\n') + '\n')
  let rest = ''
  for await (const chunk of check.child.stdout as AsyncIterable<Buffer>) {
    const lines = (rest + chunk.toString('latin1')).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) {
      const match = /^([0-9a-f]+) blob (\d+)$/.exec(line)
      if (match) sizes.set(match[1], Number(match[2]))
    }
  }
  await check.done
  return sizes
}

/**
 * Streams blobs' contents through one long-lived `git cat-file --batch`, parsed as they arrive (a header
 * `<id> blob <size>`, the bytes, a newline), so memory holds one blob at a time however large the history.
 * Each comes in its own buffer: a view into a shared chunk would carry the whole chunk to a worker thread.
 */
export async function* readBlobContents(repo: GitRepository, oids: readonly string[]): AsyncGenerator<{oid: string; content: Uint8Array}> {
  if (oids.length === 0) return
  const batch = startGit(repo, ['cat-file', '--batch'])
  batch.child.stdin.end(oids.join('\n') + '\n')
  let finished = false
  try {
    let header = ''
    let oid = ''
    let content: Uint8Array | null = null
    let filled = 0
    // Bytes of the newline after a blob still to skip.
    let trailer = 0
    for await (const chunk of batch.child.stdout as AsyncIterable<Buffer>) {
      let at = 0
      while (at < chunk.length) {
        if (trailer > 0) {
          trailer--
          at++
          continue
        }
        if (content !== null) {
          const n = Math.min(content.length - filled, chunk.length - at)
          content.set(chunk.subarray(at, at + n), filled)
          filled += n
          at += n
          if (filled === content.length) {
            const done = content
            content = null
            trailer = 1
            if (oid !== '') yield {oid, content: done}
          }
          continue
        }
        const newline = chunk.indexOf(10, at)
        if (newline === -1) {
          header += chunk.subarray(at).toString('latin1')
          break
        }
        header += chunk.subarray(at, newline).toString('latin1')
        at = newline + 1
        const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header)
        header = ''
        // `<id> missing`: nothing follows. Another type cannot come back for a blob's id, but its bytes are skipped.
        if (match === null) continue
        oid = match[1]
        content = new Uint8Array(Number(match[3]))
        filled = 0
        if (match[2] !== 'blob') oid = ''
        if (content.length === 0) {
          const empty = content
          content = null
          trailer = 1
          if (oid !== '') yield {oid, content: empty}
        }
      }
    }
    finished = true
  } finally {
    // Left early (a timeout, an error in the scan): git is stopped rather than left writing to a full pipe.
    if (!finished) batch.child.kill('SIGTERM')
  }
  await batch.done
}
