#!/usr/bin/env node
import {existsSync, readFileSync} from 'node:fs'
import {arch, platform, release} from 'node:os'
import {fileURLToPath} from 'node:url'

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

// `outloop --version` answers without oclif, whose loading is most of the command's time (about 100 ms on a
// 2-core machine). The line is oclif's own user agent (`outloop/0.1.0 linux-x64 node-v20.…`, see Config.load in
// @oclif/core); test/commands/startup.test.ts compares the two. oclif reports WSL as the platform `wsl`: where
// anything hints at WSL, oclif answers, so the line can't differ there either.
if (process.argv[2] === '--version' && !maybeWsl()) {
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${platform()}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}\n`)
} else {
  const {execute} = await import('@oclif/core/execute')
  // No user plugins: oclif would otherwise load (and run) any plugin named in ~/.local/share/outloop/package.json,
  // code that anything able to write that file could plant in the process that unlocks the vault.
  await execute({loadOptions: {root: fileURLToPath(import.meta.url), userPlugins: false}})
}

/** The checks is-wsl makes, without its container exception: true means "let oclif decide". */
function maybeWsl() {
  if (process.platform !== 'linux') return false
  if (release().toLowerCase().includes('microsoft')) return true
  try {
    if (readFileSync('/proc/version', 'utf8').toLowerCase().includes('microsoft')) return true
  } catch {}
  return existsSync('/proc/sys/fs/binfmt_misc/WSLInterop') || existsSync('/run/WSL')
}
