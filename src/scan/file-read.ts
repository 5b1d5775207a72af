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
  // A file scanned in windows is too large to hold whole here: the known-value sweep passes it over.
  if ('windowed' in read) {
    closeSync(read.windowed)
    return null
  }
  if (!(read instanceof Uint8Array) || read.byteLength > maxFileSize) return null
  return decodeFileText(read)
}

/**
 * Files larger than this (possible only with a raised size limit) are read and scanned in windows (see
 * file-job.ts), so memory stays flat whatever their size: a 1 GB log would otherwise be 1 GB of bytes plus
 * its decoded text (and V8 refuses strings past 512 MB).
 */
export const WINDOWED_FROM = 32 * 1024 * 1024

/** Reads a file's bytes, or says why not; a file past WINDOWED_FROM stays open for the windowed scan (which closes it). */
export function readFileBytes(path: string, maxSize: number): Buffer | {reason: 'unreadable' | 'too-large'} | {windowed: number; size: number} {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return {reason: 'unreadable'}
  }
  let keepOpen = false
  try {
    const {size} = fstatSync(fd)
    if (size > maxSize) return {reason: 'too-large'}
    if (size > WINDOWED_FROM) {
      keepOpen = true
      return {windowed: fd, size}
    }
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
    if (!keepOpen) closeSync(fd)
  }
}
