import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import type {FileJob, FileJobContext, FileJobResult} from './file-job.js'

/** Files sent to a worker at once: enough to make message passing cheap, few enough to keep both cores busy. */
const BATCH_SIZE = 64
/** Batches in flight per worker, so a worker never waits for the walker. */
const IN_FLIGHT = 2
/** Batches queued before the walker is made to wait, so memory stays flat however large the tree. */
const MAX_WAITING = 32
/**
 * Jobs that carry their content (git's blobs) weigh what they hold: a batch is sent once it holds this much,
 * and the producer waits while the queued batches hold several times it, whatever their count.
 */
const BATCH_BYTES = 2 * 1024 * 1024
const MAX_WAITING_BYTES = 16 * 1024 * 1024
/**
 * A worker's young generation. V8's default (two 16 MB semi-spaces) is resident in every worker for the whole
 * scan, a third of what a worker holds; at 12 MB (4 MB semi-spaces) peak memory fell by 30-50 MB on 2 workers
 * with no measurable loss of speed (scans make short-lived strings; few survive a scavenge either way).
 */
const WORKER_YOUNG_GENERATION_MB = 12

/** A job's content, when it carries its own buffer: moved to the worker rather than copied. */
function transferable(job: FileJob): ArrayBuffer | null {
  const content = job.content
  if (content === undefined || !(content.buffer instanceof ArrayBuffer)) return null
  // A view into a larger (pooled) buffer must be copied: moving it would take its neighbours away.
  return content.byteOffset === 0 && content.byteLength === content.buffer.byteLength ? content.buffer : null
}

export interface ScanPool {
  /** Queues a file; results arrive through `onResult` in completion order. Wait on it: it holds the walker back when the workers fall behind. */
  add(job: FileJob): Promise<void> | void
  /** Resolves when every file queued so far has a result; the workers stay for more. */
  drain(): Promise<void>
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
      add: async (job) => onResult((await loadFileScanner())(job, context)),
      drain: async () => {},
      finish: async () => {},
      abort: async () => {},
    }
  }

  const workerUrl = new URL('./worker.js', import.meta.url)
  // Workers start with the first full batch: a worker costs ~100 ms of start-up and module loading, more than a
  // pre-commit hook's few staged files or an empty folder take to scan inline (see finish).
  const workers: Worker[] = []
  const inFlight = new Map<Worker, number>()
  const waiting: Array<{jobs: FileJob[]; bytes: number}> = []
  let waitingBytes = 0
  let current: FileJob[] = []
  let currentBytes = 0
  let outstanding = 0
  let failure: Error | null = null
  let settle: (() => void) | null = null
  let rejectFinish: ((error: Error) => void) | null = null
  let batchId = 0
  let resumeWalker: (() => void) | null = null

  const dispatch = () => {
    if (workers.length === 0 && waiting.length > 0) startWorkers()
    for (const worker of workers) {
      while (waiting.length > 0 && (inFlight.get(worker) ?? 0) < IN_FLIGHT) {
        const {jobs, bytes} = waiting.shift() as {jobs: FileJob[]; bytes: number}
        waitingBytes -= bytes
        inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1)
        const moved = bytes === 0 ? [] : jobs.flatMap((job) => transferable(job) ?? [])
        worker.postMessage({batch: batchId++, jobs}, moved)
      }
    }
    if (resumeWalker && waiting.length < MAX_WAITING / 2 && waitingBytes < MAX_WAITING_BYTES / 2) {
      const resume = resumeWalker
      resumeWalker = null
      resume()
    }
  }

  const startWorkers = () => {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerUrl, {resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}, workerData: {fingerprintKey: context.fingerprintKey, maxFileSize: context.maxFileSize, baselineSalt: context.baselineSalt, blobIds: context.blobIds === true}})
      workers.push(worker)
      inFlight.set(worker, 0)
      listen(worker)
    }
  }

  const listen = (worker: Worker) => {
    worker.on('message', (message: {results: FileJobResult[]}) => {
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

  /** Sends the batch being filled and waits until every queued file has its result. */
  const settled = async () => {
    if (current.length > 0) {
      waiting.push({jobs: current, bytes: currentBytes})
      waitingBytes += currentBytes
      current = []
      currentBytes = 0
      dispatch()
    }
    if (failure) throw failure
    if (outstanding > 0) {
      await new Promise<void>((resolve, reject) => {
        settle = resolve
        rejectFinish = reject
      })
    }
    settle = null
    rejectFinish = null
  }

  return {
    add(job) {
      outstanding++
      current.push(job)
      currentBytes += job.content?.byteLength ?? 0
      if (current.length >= BATCH_SIZE || currentBytes >= BATCH_BYTES) {
        waiting.push({jobs: current, bytes: currentBytes})
        waitingBytes += currentBytes
        current = []
        currentBytes = 0
        dispatch()
        if (waiting.length >= MAX_WAITING || waitingBytes >= MAX_WAITING_BYTES) return new Promise<void>((resolve) => (resumeWalker = resolve))
      }
    },
    async abort() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
    async drain() {
      if (workers.length === 0) {
        // Fewer files than one batch so far: scanned here, and the count starts again for what follows.
        if (current.length > 0) {
          const runFileJobSafely = await loadFileScanner()
          for (const job of current) onResult(runFileJobSafely(job, context))
        }
        outstanding -= current.length
        current = []
        currentBytes = 0
        return
      }
      await settled()
    },
    async finish() {
      if (workers.length === 0) {
        // Fewer files than one batch: scanned here, as a worker would (a file whose scan throws is reported, not fatal).
        if (current.length > 0) {
          const runFileJobSafely = await loadFileScanner()
          for (const job of current) onResult(runFileJobSafely(job, context))
        }
        current = []
        return
      }
      try {
        await settled()
      } finally {
        await Promise.all(workers.map((w) => w.terminate()))
      }
    },
  }
}

let fileScanner: typeof import('./file-job.js').runFileJobSafely | undefined

/**
 * The scanner of one file, loaded with the first file scanned on this thread: the rule tables and the format
 * parsers (yaml, jsonc, toml) are a third of a start-up, and a scan of an empty folder or one that only
 * workers scan needs none of them here.
 */
async function loadFileScanner(): Promise<typeof import('./file-job.js').runFileJobSafely> {
  fileScanner ??= (await import('./file-job.js')).runFileJobSafely
  return fileScanner
}
