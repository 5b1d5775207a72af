import {spawn} from 'node:child_process'
import {readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {acquireFileLock, acquireFileLockSync, FileLockBusyError} from '../../src/vault/fs-safe.js'
import {makeTempDir, REPO_ROOT} from '../helpers/tree.js'

describe('the file lock shared by the vault, the broker and the audit log', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => {
    const tmp = makeTempDir('outloop-lock-')
    dir = tmp.dir
    cleanup = tmp.cleanup
  })
  afterEach(() => cleanup())

  it('lets one process at a time in, taken synchronously or not: no increment of a shared counter is lost', async () => {
    const lockModule = pathToFileURL(join(REPO_ROOT, 'dist', 'vault', 'fs-safe.js')).href
    const counter = join(dir, 'counter')
    writeFileSync(counter, '0')
    // Read, pause, write: without the lock, two processes read the same number and one increment is lost.
    const worker = `
      const {acquireFileLock, acquireFileLockSync} = await import(${JSON.stringify(lockModule)})
      const {readFileSync, writeFileSync} = await import('node:fs')
      const [lock, counter, mode] = process.argv.slice(1)
      for (let i = 0; i < 25; i++) {
        const release = mode === 'sync' ? acquireFileLockSync(lock, {timeoutMs: 20000}) : await acquireFileLock(lock, {timeoutMs: 20000})
        const n = Number(readFileSync(counter, 'utf8'))
        await new Promise((resolve) => setTimeout(resolve, 1))
        writeFileSync(counter, String(n + 1))
        release()
      }
    `
    const run = (mode: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', worker, join(dir, 'counter.lock'), counter, mode], {stdio: 'ignore'})
        child.on('close', resolve)
      })
    expect(await Promise.all(['sync', 'async', 'sync', 'async'].map(run))).toEqual([0, 0, 0, 0])
    expect(readFileSync(counter, 'utf8')).toBe('100')
  })

  it('breaks a lock whose owner died at once, and one older than staleAfterMs whoever holds it', async () => {
    const path = join(dir, 'a.lock')
    writeFileSync(path, JSON.stringify({pid: 2 ** 22 + 777, host: hostname(), token: 'dead'}))
    const started = Date.now()
    acquireFileLockSync(path, {timeoutMs: 5000})()
    expect(Date.now() - started).toBeLessThan(500)
    // A live owner (this very process) whose lock is older than allowed.
    writeFileSync(path, JSON.stringify({pid: process.pid, host: hostname(), token: 'stuck'}))
    utimesSync(path, new Date(Date.now() - 5000), new Date(Date.now() - 5000))
    const release = await acquireFileLock(path, {timeoutMs: 5000, staleAfterMs: 1000})
    expect(JSON.parse(readFileSync(path, 'utf8')).token).not.toBe('stuck')
    release()
  })

  it('gives up on a live owner\'s fresh lock with a busy error that names it, and a release never removes another\'s lock', async () => {
    const path = join(dir, 'b.lock')
    const release = acquireFileLockSync(path)
    expect(() => acquireFileLockSync(path, {timeoutMs: 50, what: 'The audit log'})).toThrow(FileLockBusyError)
    await expect(acquireFileLock(path, {timeoutMs: 50})).rejects.toThrow(`held by process ${process.pid}`)
    // Broken as stale by someone else and taken by them: releasing ours leaves theirs.
    writeFileSync(path, JSON.stringify({pid: process.pid, host: hostname(), token: 'theirs'}))
    release()
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toBe('theirs')
  })
})
