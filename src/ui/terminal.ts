import {formatCount} from '../lib/display.js'
import type {ScanProgress} from '../services/scan.js'

/** Whether the text report should be coloured: a TTY, no NO_COLOR, not a dumb terminal. */
export function wantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb'
}

/** The scan's live counts as one line, the same on `outloop scan` and in the migration wizard. */
export function scanProgressLine(p: ScanProgress): string {
  const mb = p.bytes / 1024 ** 2
  const rate = p.ms > 0 ? mb / (p.ms / 1000) : 0
  const blobs = p.blobs === undefined ? '' : ` and ${formatCount(p.blobs)} ${p.blobs === 1 ? 'blob' : 'blobs'} of history`
  return `Scanning: ${formatCount(p.files)} ${p.files === 1 ? 'file' : 'files'}${blobs}, ${mb.toFixed(1)} MB (${rate.toFixed(0)} MB/s), ${p.findings} ${p.findings === 1 ? 'key' : 'keys'} so far`
}

/** A one-line progress counter on stderr, only on a TTY, so logs and pipes stay clean. */
export function progressReporter(): {update?: (p: ScanProgress) => void; done: () => void} {
  if (!process.stderr.isTTY) return {done() {}}
  let shown = false
  return {
    update(p) {
      shown = true
      process.stderr.write(`\r\u001B[2K${scanProgressLine(p)}`)
    },
    done() {
      if (shown) process.stderr.write('\r\u001B[2K')
    },
  }
}
