#!/usr/bin/env node
import {readFileSync} from 'node:fs'

import {execute} from '@oclif/core/execute'

// bin/outloop hands the passphrase over on a descriptor instead of the environment block, which
// /proc/PID/environ shows to every process of this user for as long as this one runs.
const fd = process.env.OUTLOOP_PASSPHRASE_FD
if (fd !== undefined) {
  delete process.env.OUTLOOP_PASSPHRASE_FD
  if (/^\d+$/.test(fd)) {
    try {
      process.env.OUTLOOP_PASSPHRASE = readFileSync(Number(fd), 'utf8').replace(/\n$/, '')
    } catch {
      process.stderr.write(`outloop: can't read the passphrase from descriptor ${fd}.\n`)
      process.exit(2)
    }
  }
}

await execute({dir: import.meta.url})
