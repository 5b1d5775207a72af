#!/usr/bin/env node
// One stage of the scan's pipeline and nothing after it, for `npm run bench -- --floor`: what Node pays for
// walking, reading, decoding and the keyword pre-filter before any rule runs. Run as
//   node scripts/lib/floor-stage.js STAGE ROOT
// with STAGE one of walk, read, decode, prefilter. It walks ROOT with the scanner's own walker and ignores on
// the main thread and hands batches of paths to as many worker threads as the scan would use, each doing the
// stage's work with the scanner's own modules from dist/. It prints only counts (files, bytes, keyword hits).
import {realpathSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'

const REPO = dirname(dirname(dirname(fileURLToPath(import.meta.url))))
const dist = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href)
const STAGES = ['walk', 'read', 'decode', 'prefilter']
const BATCH = 64

if (isMainThread) {
  const [stage, root] = process.argv.slice(2)
  if (!STAGES.includes(stage) || !root) {
    process.stderr.write(`usage: node scripts/lib/floor-stage.js ${STAGES.join('|')} ROOT\n`)
    process.exit(2)
  }
  const {walkTree} = await dist('scan/walk.js')
  const {DEFAULT_IGNORES} = await dist('scan/config.js')
  const {defaultScanThreads} = await dist('scan/pool.js')
  const walk = walkTree(root, {realRoot: realpathSync(root), ignore: DEFAULT_IGNORES})
  const totals = {files: 0, bytes: 0, hits: 0}
  if (stage === 'walk') {
    for await (const entry of walk) if (entry.kind === 'file') totals.files++
  } else {
    const threads = defaultScanThreads()
    const workers = Array.from({length: threads}, () => new Worker(fileURLToPath(import.meta.url), {workerData: {stage}}))
    const idle = [...workers]
    const waiting = []
    let inFlight = 0
    let drained = null
    for (const worker of workers) {
      worker.on('message', (counts) => {
        totals.files += counts.files
        totals.bytes += counts.bytes
        totals.hits += counts.hits
        inFlight--
        idle.push(worker)
        waiting.shift()?.()
        if (inFlight === 0) drained?.()
      })
    }
    const send = async (batch) => {
      while (idle.length === 0) await new Promise((resolve) => waiting.push(resolve))
      inFlight++
      idle.pop().postMessage(batch)
    }
    let batch = []
    for await (const entry of walk) {
      if (entry.kind !== 'file') continue
      batch.push(entry.absPath)
      if (batch.length === BATCH) {
        await send(batch)
        batch = []
      }
    }
    if (batch.length > 0) await send(batch)
    if (inFlight > 0) await new Promise((resolve) => (drained = resolve))
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  process.stdout.write(JSON.stringify({stage, ...totals}) + '\n')
} else {
  const {stage} = workerData
  const {decodeFileText} = await dist('scan/text-decode.js')
  const {readFileBytes} = await dist('scan/file-read.js')
  const {DEFAULT_MAX_FILE_SIZE} = await dist('scan/config.js')
  let scanner = null
  if (stage === 'prefilter') {
    const {RULES} = await dist('detectors/registry.js')
    const {compileRules} = await dist('detectors/compile.js')
    scanner = compileRules(RULES).scanner
  }
  parentPort.on('message', (paths) => {
    const counts = {files: 0, bytes: 0, hits: 0}
    const onHit = () => counts.hits++
    for (const path of paths) {
      // The scanner's own reader: one open, fstat against the size limit, one read.
      const bytes = readFileBytes(path, DEFAULT_MAX_FILE_SIZE)
      if (!(bytes instanceof Uint8Array)) continue
      counts.files++
      counts.bytes += bytes.length
      if (stage === 'read') continue
      const text = decodeFileText(bytes)
      if (text === null || scanner === null) continue
      scanner.scan(text, onHit, bytes.length === text.length ? bytes : undefined)
    }
    parentPort.postMessage(counts)
  })
}
