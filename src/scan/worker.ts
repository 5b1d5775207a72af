import {parentPort, workerData} from 'node:worker_threads'

import {runFileJobSafely, type FileJob, type FileJobContext} from './file-job.js'

/** A scan worker: receives batches of files, answers with their results (fingerprints and previews only). */
const context: FileJobContext = {
  fingerprintKey: Buffer.from(workerData.fingerprintKey as Uint8Array),
  maxFileSize: workerData.maxFileSize as number,
  baselineSalt: workerData.baselineSalt ? Buffer.from(workerData.baselineSalt as Uint8Array) : null,
  blobIds: workerData.blobIds === true,
}

parentPort?.on('message', (message: {batch: number; jobs: FileJob[]}) => {
  const results = message.jobs.map((job) => runFileJobSafely(job, context))
  parentPort?.postMessage({batch: message.batch, results})
})
