import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import {runFileJobSafely, type FileJob, type FileJobContext, type FileJobResult} from './file-job.js'

/** Files sent to a worker at once: enough to make message passing cheap, few enough to keep both cores busy. */
const BATCH_SIZE = 64
/** Batches in flight per worker, so a worker never waits for the walker. */
const IN_FLIGHT = 2
/**
 * Batches this thread scans itself while the workers start (~100 ms, about two batches' worth): past that, the
 * rest waits for them, so a tree of a few hundred files does use its workers.
 */
const INLINE_BATCHES = 2
/** Batches queued before the walker is made to wait, so memory stays flat however large the tree. */
const MAX_WAITING = 32

export interface ScanPool {
  /** Queues a file; results arrive through `onResult` in completion order. Wait on it: it holds the walker back when the workers fall behind. */
  add(job: FileJob): Promise<void> | void
  /** Resolves when every queued file has a result; then the workers are gone. */
  finish(): Promise<void>
  /** Stops the workers without waiting for queued files (after an error elsewhere). */
  abort(): Promise<void>
}

/** The default thread count: one per core, at most 4 (more only adds contention for the disk). */
export function defaultScanThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

/**
 * Scans files on worker threads (or inline when `threads` is 1). Workers send back fingerprints and
 * previews only, so no secret crosses a thread boundary.
 */
export function createScanPool(threads: number, context: FileJobContext, onResult: (result: FileJobResult) => void): ScanPool {
  if (threads <= 1) {
    return {
      add: (job) => onResult(runFileJobSafely(job, context)),
      finish: async () => {},
      abort: async () => {},
    }
  }

  const workerUrl = new URL('./worker.js', import.meta.url)
  // Workers start with the first full batch: a worker costs ~100 ms of start-up and module loading, more than a
  // pre-commit hook's few staged files or an empty folder take to scan inline (see finish). Until one says it
  // is ready, this thread scans the first batches itself (INLINE_BATCHES) rather than wait for them.
  const workers: Worker[] = []
  const ready = new Set<Worker>()
  let inlineBatches = 0
  const inFlight = new Map<Worker, number>()
  const waiting: FileJob[][] = []
  let current: FileJob[] = []
  let outstanding = 0
  let failure: Error | null = null
  let settle: (() => void) | null = null
  let rejectFinish: ((error: Error) => void) | null = null
  let batchId = 0
  let resumeWalker: (() => void) | null = null

  const dispatch = () => {
    if (workers.length === 0 && waiting.length > 0) startWorkers()
    for (const worker of ready) {
      while (waiting.length > 0 && (inFlight.get(worker) ?? 0) < IN_FLIGHT) {
        const jobs = waiting.shift() as FileJob[]
        inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1)
        worker.postMessage({batch: batchId++, jobs})
      }
    }
    if (resumeWalker && waiting.length < MAX_WAITING / 2) {
      const resume = resumeWalker
      resumeWalker = null
      resume()
    }
  }

  const startWorkers = () => {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerUrl, {workerData: {fingerprintKey: context.fingerprintKey, maxFileSize: context.maxFileSize, baselineSalt: context.baselineSalt}})
      workers.push(worker)
      inFlight.set(worker, 0)
      listen(worker)
    }
  }

  /** Scans the oldest waiting batch here, while no worker is ready to. */
  const scanWaitingInline = () => {
    inlineBatches++
    const jobs = waiting.shift() as FileJob[]
    for (const job of jobs) onResult(runFileJobSafely(job, context))
    outstanding -= jobs.length
    dispatch()
  }

  const listen = (worker: Worker) => {
    worker.on('message', (message: {ready?: true; results: FileJobResult[]}) => {
      if (message.ready) {
        ready.add(worker)
        dispatch()
        return
      }
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1)
      for (const result of message.results) onResult(result)
      outstanding -= message.results.length
      dispatch()
      if (outstanding === 0 && settle) settle()
    })
    worker.on('error', (error) => {
      failure = error
      if (rejectFinish) rejectFinish(error)
    })
  }

  return {
    add(job) {
      outstanding++
      current.push(job)
      if (current.length >= BATCH_SIZE) {
        waiting.push(current)
        current = []
        dispatch()
        if (ready.size === 0 && waiting.length > 0 && inlineBatches < INLINE_BATCHES) scanWaitingInline()
        if (waiting.length >= MAX_WAITING) return new Promise<void>((resolve) => (resumeWalker = resolve))
      }
    },
    async abort() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
    async finish() {
      if (workers.length === 0) {
        // Fewer files than one batch: scanned here, as a worker would (a file whose scan throws is reported, not fatal).
        for (const job of current) onResult(runFileJobSafely(job, context))
        current = []
        return
      }
      if (current.length > 0) {
        waiting.push(current)
        current = []
        dispatch()
      }
      try {
        // Still no worker ready: keep scanning here, a batch at a time, looking for a ready message in between.
        while (ready.size === 0 && waiting.length > 0 && inlineBatches < INLINE_BATCHES && !failure) {
          scanWaitingInline()
          await new Promise((resolve) => setImmediate(resolve))
        }
        if (failure) throw failure
        if (outstanding > 0) {
          await new Promise<void>((resolve, reject) => {
            settle = resolve
            rejectFinish = reject
          })
        }
      } finally {
        await Promise.all(workers.map((w) => w.terminate()))
      }
    },
  }
}
