import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {AuditWriterPresence} from '../../src/audit/presence.js'
import {makeTempDir} from '../helpers/tree.js'

describe('audit writer presence', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-presence-')
    dir = join(tmp.dir, '.writers')
    cleanup = tmp.cleanup
  })
  afterEach(() => cleanup())

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
})
