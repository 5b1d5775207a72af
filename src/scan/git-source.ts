import {spawnSync} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {join, relative} from 'node:path'

import {UserError} from '../lib/errors.js'
import {toPosixPath} from '../lib/paths.js'
import type {FileJob} from './file-job.js'

/** Which content git holds to scan: what is staged for the next commit, or what changed since a revision. */
export type GitSelection = {readonly staged: true} | {readonly since: string}

const MAX_OUTPUT = 1024 ** 3

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, {cwd, input, maxBuffer: MAX_OUTPUT})
  if (result.error) throw new UserError(`Can't run git: ${(result.error as NodeJS.ErrnoException).code ?? 'unknown error'}.`, 'Install git, or scan without --staged/--diff.')
  if (result.status !== 0) throw new GitFailure(args[0], result.stderr.toString('utf8'))
  return result.stdout
}

class GitFailure extends Error {
  constructor(
    readonly command: string,
    readonly detail: string,
  ) {
    super(`git ${command} failed`)
  }
}

/**
 * Lists the files git holds for a selection, under `root`, with their content as git has it (the index
 * for staged files, HEAD for a diff), so a pre-commit hook checks what will be committed, not the working tree.
 */
export function gitFiles(root: string, selection: GitSelection): FileJob[] {
  let top: string
  try {
    top = git(root, ['rev-parse', '--show-toplevel']).toString('utf8').trim()
  } catch (error) {
    if (error instanceof GitFailure) throw new UserError(`${root} is not inside a git repository.`, 'Run --staged or --diff inside a git checkout, or scan without them.')
    throw error
  }
  const prefix = toPosixPath(relative(realpathSync(top), realpathSync(root)))

  let changed: ChangedFile[]
  if ('staged' in selection) {
    changed = parseRawDiff(git(top, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR']))
  } else {
    try {
      git(top, ['rev-parse', '--verify', '--quiet', `${selection.since}^{commit}`])
    } catch (error) {
      if (error instanceof GitFailure) throw new UserError(`--diff: "${selection.since}" is not a commit in this repository.`, 'Give a branch, tag or commit, e.g. --diff origin/main (fetch it first in a shallow CI clone).')
      throw error
    }
    changed = parseRawDiff(git(top, ['diff', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR', selection.since, 'HEAD']))
  }
  const inRoot = changed.filter(({path}) => prefix === '' || path.startsWith(`${prefix}/`))
  if (inRoot.length === 0) return []

  // Blobs are asked for by object id, not `:path`: cat-file's batch input is one name a line, and a name
  // may hold a newline (once a way to keep a file out of the check).
  const contents = readBlobs(top, inRoot.map((c) => c.object))
  return inRoot.flatMap(({path}, i) => {
    const content = contents[i]
    if (content === null) return []
    const relPath = prefix === '' ? path : path.slice(prefix.length + 1)
    // A copy of just these bytes: a view would take the whole of git's output with it to a worker thread.
    return [{relPath, absPath: join(top, path), content: new Uint8Array(content)}]
  })
}

interface ChangedFile {
  /** Repository-relative path, as git spells it (any byte but NUL). */
  readonly path: string
  /** The blob's id on the new side: the index for --cached, the commit for a revision range. */
  readonly object: string
}

/** Reads `git diff --raw -z`: `:modes old new status` NUL path NUL, with two paths for renames and copies. */
function parseRawDiff(output: Buffer): ChangedFile[] {
  const fields = output.toString('utf8').split('\u0000')
  const files: ChangedFile[] = []
  for (let i = 0; i < fields.length; i++) {
    const header = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])/.exec(fields[i])
    if (header === null) continue
    const paired = header[2] === 'R' || header[2] === 'C'
    const path = fields[i + (paired ? 2 : 1)]
    i += paired ? 2 : 1
    if (path !== undefined && path !== '') files.push({path, object: header[1]})
  }
  return files
}

/** Reads many blobs through one `git cat-file --batch`; null for an object that is missing or not a blob. */
function readBlobs(top: string, objects: string[]): Array<Buffer | null> {
  const output = git(top, ['cat-file', '--batch'], objects.join('\n') + '\n')
  const blobs: Array<Buffer | null> = []
  let at = 0
  for (let i = 0; i < objects.length; i++) {
    const headerEnd = output.indexOf(10, at)
    const header = output.subarray(at, headerEnd).toString('utf8')
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
    if (!match) {
      blobs.push(null)
      at = headerEnd + 1
      continue
    }
    const size = Number(match[2])
    const start = headerEnd + 1
    blobs.push(match[1] === 'blob' ? output.subarray(start, start + size) : null)
    at = start + size + 1
  }
  return blobs
}
