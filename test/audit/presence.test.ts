import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {AuditWriterPresence} from '../../src/audit/presence.js'
import {makeTempDir, REPO_ROOT} from '../helpers/tree.js'

const PRESENCE_MODULE = pathToFileURL(join(REPO_ROOT, 'dist', 'audit', 'presence.js')).href

/**
 * Another process that joins as a writer, says `joined`, then either idles on its event loop (`idle`) or spins in
 * a synchronous loop asking alone() as each append does (`busy`), and says `seen` once it is no longer alone.
 */
function otherWriter(dir: string, mode: 'idle' | 'busy'): Promise<{child: ChildProcess; seen: Promise<void>}> {
  const script = `
    const {AuditWriterPresence} = await import(${JSON.stringify(PRESENCE_MODULE)})
    const p = new AuditWriterPresence(process.argv[1])
    p.join()
    console.log('joined')
    if (process.argv[2] === 'busy') {
      const until = Date.now() + 10000
      while (p.alone() && Date.now() < until) {}
      console.log('seen')
      setInterval(() => {}, 1000)
    } else {
      setInterval(() => { if (!p.alone()) console.log('seen') }, 50)
    }
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir, mode], {stdio: ['ignore', 'pipe', 'inherit']})
  let out = ''
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.split('\n').includes(word) && resolve()
      child.stdout!.on('data', (d) => {
        out += d
        check()
      })
      child.on('exit', () => reject(new Error(`the other writer exited before saying ${word}`)))
      check()
    })
  const seen = said('seen')
  seen.catch(() => {})
  return said('joined').then(() => ({child, seen}))
}

describe('audit writer presence', () => {
  let dir: string
  let cleanup: () => void
  const children: ChildProcess[] = []
  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-presence-')
    dir = join(tmp.dir, '.writers')
    cleanup = tmp.cleanup
  })
  afterEach(() => {
    for (const child of children.splice(0)) child.kill()
    cleanup()
  })

  it('is alone until another live writer joins, and again once it leaves; a dead writer\'s file does not count', async () => {
    const me = new AuditWriterPresence(dir)
    me.join()
    expect(me.alone()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    writeFileSync(join(dir, `${2 ** 22 + 999}-deadbeef`), '')
    expect(me.alone()).toBe(true)
    const other = new AuditWriterPresence(dir)
    // The folder's mtime is what tells a writer to look again: let the clock tick past the last look.
    await new Promise((resolve) => setTimeout(resolve, 20))
    other.join()
    expect(me.alone()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 20))
    other.leave()
    expect(me.alone()).toBe(true)
    me.leave()
  })

  // A lone writer appends without the lock; a newcomer that went ahead while one such append was half done would
  // chain a record after a log about to grow, or cut the unfinished line as a crash's leftover.
  it.each(['idle', 'busy'] as const)('a newcomer goes on only once a lone %s writer in another process has acknowledged it', async (mode) => {
    const other = await otherWriter(dir, mode)
    children.push(other.child)
    const otherFile = readdirSync(dir)[0]
    const me = new AuditWriterPresence(dir)
    const started = Date.now()
    me.join()
    const waited = Date.now() - started
    const myFile = readdirSync(dir).find((name) => name !== otherFile)!
    // By the time join returns, the other writer lists this one: it takes the lock for every append from now on.
    expect(readFileSync(join(dir, otherFile), 'utf8').split('\n')).toContain(myFile)
    expect(waited).toBeLessThan(1500)
    await other.seen
    expect(me.alone()).toBe(false)
    me.leave()
  })

  it('does not wait for a writer that acknowledges nothing longer than its limit, nor for a dead one', () => {
    const me = new AuditWriterPresence(dir)
    // A live process that is no writer (this test's own parent) stands for a writer that never answers.
    mkdirSync(dir, {recursive: true})
    const silent = `${process.ppid}-0badc0de`
    writeFileSync(join(dir, silent), '')
    writeFileSync(join(dir, `${2 ** 22 + 999}-deadbeef`), '')
    const started = Date.now()
    me.join()
    const waited = Date.now() - started
    expect(waited).toBeGreaterThanOrEqual(1900)
    expect(waited).toBeLessThan(4000)
    expect(me.alone()).toBe(false)
    me.leave()
  })
})
