import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

import type {FileJob} from './file-job.js'
import {decodeFileText} from './text-decode.js'

// Reading apart from scanning: the main thread reads files for the known-value sweep without loading the
// detectors and formats that a scan of the same file needs (those load with the first file scanned, see pool.ts).

/**
 * A file's text as runFileJob reads it (same size limit, same decoding), or null when runFileJob would skip
 * it: for the known-value sweep, which runs on the main thread so vault values never reach a worker.
 */
export function readJobText(job: FileJob, maxFileSize: number): string | null {
  const read = job.content === undefined ? readFileBytes(job.absPath, maxFileSize) : job.content
  if (!(read instanceof Uint8Array) || read.byteLength > maxFileSize) return null
  return decodeFileText(read)
}

/** Reads a file's bytes, or says why not. */
export function readFileBytes(path: string, maxSize: number): Buffer | {reason: 'unreadable' | 'too-large'} {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return {reason: 'unreadable'}
  }
  try {
    const {size} = fstatSync(fd)
    if (size > maxSize) return {reason: 'too-large'}
    const buffer = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read)
  } catch {
    return {reason: 'unreadable'}
  } finally {
    closeSync(fd)
  }
}
