import {join} from 'node:path'

import type {FileJob, FileJobResult} from '../scan/file-job.js'
import {findGitRepositories, GitHistoryFailure, listHistoryBlobs, readBlobContents, type GitRepository} from '../scan/git-history.js'
import type {BlobFinding, BlobPlace, HashedFinding} from '../scan/history.js'
import type {HistorySummary, SkippedPath} from '../scan/report.js'

/** What scanTree hands the history scan: the walk's ignores and limits, and the pool to queue blobs on. */
export interface HistoryQueueOptions {
  readonly ignored: (relPath: string) => boolean
  readonly maxFileSize: number
  /** performance.now() after which nothing more is read (Infinity without --timeout). */
  readonly deadline: number
  readonly add: (job: FileJob) => Promise<void>
}

/** The part of `scan --history` that scanTree drives: queue the blobs, take their results, hand back findings. */
export interface HistoryScan {
  queue(options: HistoryQueueOptions): Promise<void>
  /** Takes one blob's result (tagged); `findingsOf` turns a scanned blob into findings as a file's would be. */
  onResult(result: FileJobResult, findingsOf: (scanned: FileJobResult & {skipped?: undefined}) => HashedFinding[]): void
  /** A file of the tree, scanned, with its blob id: a blob of history with that id is not read again. Call before queue. */
  noteFile(blobId: string, relPath: string, bytes: number): void
  /** The blobs' findings; those of blobs identical to a file are that file's (`working`). */
  findings(working: readonly HashedFinding[]): BlobFinding[]
  repositories(): string[]
  summary(): HistorySummary
}

/** `acme/.git`: how a repository whose history could not be read is listed among the paths not read. */
function repositoryLabel(repo: GitRepository): string {
  return repo.dir === '' ? '.git' : `${repo.dir}/.git`
}

/** `acme/.env@1a2b3c4`: a blob of history, by its newest path and the commit that added it there. */
function blobLabel(place: BlobPlace): string {
  return `${place.path}@${place.commit.slice(0, 7)}`
}

/**
 * Reads the history of every git repository under the root, each blob once (its newest path decides its
 * format), through the scan's own pool; a blob identical to a file the scan read (most of the newest commit)
 * is not read again, that file's findings stand for it. A repository git cannot read, a blob over the size
 * limit and a timeout are listed as not read, so the scan is incomplete rather than falsely clean.
 */
export function createHistoryScan(root: string, skipped: SkippedPath[]): HistoryScan {
  const repos: GitRepository[] = []
  const places: Array<ReadonlyMap<string, readonly BlobPlace[]>> = []
  const found: BlobFinding[] = []
  const files = new Map<string, {relPath: string; bytes: number}>()
  // Blobs whose content is a scanned file's: repository index, blob id, the file.
  const unchanged: Array<{index: number; oid: string; relPath: string}> = []
  let blobs = 0
  let bytes = 0

  const placesOf = (tag: string): {index: number; places: readonly BlobPlace[]} => {
    const colon = tag.indexOf(':')
    const index = Number(tag.slice(0, colon))
    return {index, places: places[index]?.get(tag.slice(colon + 1)) ?? []}
  }

  return {
    async queue({ignored, maxFileSize, deadline, add}) {
      repos.push(...(await findGitRepositories(root, ignored)))
      for (const [index, repo] of repos.entries()) {
        places.push(new Map())
        if (performance.now() > deadline) {
          skipped.push({file: repositoryLabel(repo), reason: 'timeout'})
          continue
        }
        try {
          const listed = await listHistoryBlobs(repo, {maxFileSize, ignored})
          places[index] = listed.places
          for (const oid of listed.tooLarge) skipped.push({file: blobLabel((listed.places.get(oid) as readonly BlobPlace[])[0]), reason: 'too-large'})
          for (const oid of listed.missing) skipped.push({file: blobLabel((listed.places.get(oid) as readonly BlobPlace[])[0]), reason: 'unreadable'})
          const toRead: string[] = []
          for (const oid of listed.toRead) {
            const file = files.get(oid)
            if (file === undefined) toRead.push(oid)
            else {
              unchanged.push({index, oid, relPath: file.relPath})
              blobs++
              bytes += file.bytes
            }
          }
          for await (const {oid, content} of readBlobContents(repo, toRead)) {
            if (performance.now() > deadline) {
              skipped.push({file: repositoryLabel(repo), reason: 'timeout'})
              break
            }
            const newest = (listed.places.get(oid) as readonly BlobPlace[])[0]
            await add({relPath: newest.path, absPath: join(root, newest.path), content, tag: `${index}:${oid}`})
          }
        } catch (error) {
          // One repository git cannot read (corrupt, not owned by this user) must not hide the others.
          if (!(error instanceof GitHistoryFailure)) throw error
          skipped.push({file: repositoryLabel(repo), reason: 'unreadable'})
        }
      }
    },
    onResult(result, findingsOf) {
      const {index, places: where} = placesOf(result.tag as string)
      if (where.length === 0) return
      if (result.skipped !== undefined) {
        // Binary blobs are not a gap (keys are text); the other reasons are, as for files.
        if (result.skipped !== 'binary') skipped.push({file: blobLabel(where[0]), reason: result.skipped})
        return
      }
      blobs++
      bytes += result.bytes
      for (const hashed of findingsOf(result)) found.push({...hashed, repository: repos[index].dir, places: where})
    },
    noteFile(blobId, relPath, size) {
      if (!files.has(blobId)) files.set(blobId, {relPath, bytes: size})
    },
    findings(working) {
      if (unchanged.length === 0) return found
      const byFile = new Map<string, HashedFinding[]>()
      for (const hashed of working) {
        const list = byFile.get(hashed.finding.file)
        if (list === undefined) byFile.set(hashed.finding.file, [hashed])
        else list.push(hashed)
      }
      const all = [...found]
      for (const {index, oid, relPath} of unchanged) {
        const where = places[index]?.get(oid) ?? []
        for (const hashed of byFile.get(relPath) ?? []) all.push({...hashed, repository: repos[index].dir, places: where})
      }
      return all
    },
    repositories: () => repos.map((r) => r.dir),
    summary: () => ({repositories: repos.map((r) => r.dir), blobs, bytes, unchanged: unchanged.length}),
  }
}
