// Shared by the scan benchmarks (bench-scan.js, bench-scan-sizes.js): the scanner's limits and keywords read from
// the build (so rg is given exactly the same), rg's arguments, and a timer that also reports the child's peak memory.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

/** The scanner's default ignores and size limit, read from the build so rg gets exactly the same ones. */
export async function scannerLimits(repo) {
  const config = await import(pathToFileURL(join(repo, 'dist/scan/config.js')).href)
  const dirs = []
  const files = []
  for (const glob of config.DEFAULT_IGNORES) {
    const m = /^\*\*\/([^/*]+)(\/\*\*)?$/.exec(glob)
    if (!m) throw new Error(`can't turn the ignore ${glob} into an rg glob`)
    ;(m[2] ? dirs : files).push(m[1])
  }
  return {dirs, files, maxFileSize: config.DEFAULT_MAX_FILE_SIZE}
}

/** The keywords every rule pre-filters on, from the build (so the comparison follows the rules as they change). */
export async function ruleKeywords(repo) {
  const {RULES} = await import(pathToFileURL(join(repo, 'dist/detectors/index.js')).href)
  return {rules: RULES.length, keywords: [...new Set(RULES.flatMap(r => r.keywords.map(k => k.toLowerCase())))].sort()}
}

/** rg counting the keywords (case-insensitive, hidden files, the scanner's ignores and size limit) under `root`. */
export function rgArgs(patternFile, limits, root, maxFileSize = limits.maxFileSize) {
  const args = ['--ignore-case', '--fixed-strings', '--file', patternFile, '--count', '--hidden', '--no-ignore', '--max-filesize', String(maxFileSize)]
  for (const d of limits.dirs) args.push('--glob', `!${d}/`)
  for (const f of limits.files) args.push('--glob', `!${f}`)
  args.push(root)
  return args
}

export function hasRg() {
  return spawnSync('rg', ['--version'], {stdio: 'ignore'}).status === 0
}

let useGnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], {stdio: 'ignore'}).status === 0

/** Polls /proc for peak memory instead of using /usr/bin/time. */
export function forceProcPoll() {
  useGnuTime = false
}

/**
 * Runs a command and returns its wall time and peak resident memory: GNU time's "Maximum resident set size" when
 * /usr/bin/time is there, else the highest VmHWM read from /proc/<pid>/status while it runs.
 */
export function timed(cmd, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const useTime = useGnuTime
    const child = useTime ? spawn('/usr/bin/time', ['-v', cmd, ...args], {...options, stdio: ['ignore', 'ignore', 'pipe']}) : spawn(cmd, args, {...options, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', d => {
      stderr += d
      if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000)
    })
    let peakKb = 0
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
            if (m) peakKb = Math.max(peakKb, Number(m[1]))
          } catch {
            // The process ended between two polls.
          }
        }, 20)
    const started = process.hrtime.bigint()
    child.on('error', reject)
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (poll) clearInterval(poll)
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
        if (m) peakKb = Number(m[1])
        const status = /Exit status: (\d+)/.exec(stderr)
        if (status) code = Number(status[1])
      }
      resolvePromise({code, ms, peakMb: peakKb / 1024, stderr})
    })
  })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
