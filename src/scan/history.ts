import type {Finding, FindingHistory} from './report.js'
import type {Placement} from './tenants.js'

/** One place a blob was added at: a path (relative to the scan root) in a commit. */
export interface BlobPlace {
  readonly path: string
  readonly commit: string
  /** Position in `git log` order: 0 is the newest commit. */
  readonly order: number
}

/** A finding with the value's baseline hash, when the scan is made against or for a baseline. */
export interface HashedFinding {
  readonly finding: Finding
  readonly hash: string | null
}

/** A finding in one blob of a repository's history, with every place the blob was added at. */
export interface BlobFinding extends HashedFinding {
  readonly repository: string
  readonly places: readonly BlobPlace[]
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}

/** The innermost repository whose folder holds a root-relative path, or null outside every repository. */
export function repositoryOf(file: string, repositories: readonly string[]): string | null {
  let best: string | null = null
  for (const repo of repositories) {
    if ((repo === '' || file.startsWith(`${repo}/`)) && (best === null || repo.length > best.length)) best = repo
  }
  return best
}

/**
 * Joins what history holds to the working tree's findings, by value (fingerprint) per repository: a key
 * the repository's files still hold gets its commits and paths on those findings; a key only history holds
 * becomes one finding per client (or shared area) its paths were in, at its newest place. Pure.
 */
export function mergeHistory(working: readonly HashedFinding[], blobFindings: readonly BlobFinding[], repositories: readonly string[], place: (path: string) => Placement): HashedFinding[] {
  interface Sighting {
    readonly place: BlobPlace
    readonly blob: BlobFinding
  }
  const groups = new Map<string, Sighting[]>()
  for (const blob of blobFindings) {
    const key = `${blob.repository}\u0000${blob.finding.fingerprint}`
    const list = groups.get(key) ?? []
    for (const p of blob.places) list.push({place: p, blob})
    groups.set(key, list)
  }
  for (const list of groups.values()) list.sort((a, b) => a.place.order - b.place.order || (a.place.path < b.place.path ? -1 : a.place.path > b.place.path ? 1 : 0))

  const historyOf = (sightings: readonly Sighting[], repository: string, inWorkingTree: boolean): FindingHistory => ({
    repository,
    commits: unique(sightings.map((s) => s.place.commit)),
    paths: unique(sightings.map((s) => s.place.path)),
    inWorkingTree,
  })

  const present = new Set<string>()
  const merged: HashedFinding[] = working.map(({finding, hash}) => {
    const repository = repositoryOf(finding.file, repositories)
    const key = repository === null ? null : `${repository}\u0000${finding.fingerprint}`
    if (key !== null) present.add(key)
    const sightings = key === null ? undefined : groups.get(key)
    return {finding: {...finding, history: sightings === undefined ? null : historyOf(sightings, repository as string, true)}, hash}
  })

  for (const [key, sightings] of groups) {
    if (present.has(key)) continue
    const repository = sightings[0].blob.repository
    // A root repository may have held the key in more than one client's folder: each is that client's risk.
    const byPlacement = new Map<string, {placement: Placement; sightings: Sighting[]}>()
    for (const s of sightings) {
      const placement = place(s.place.path)
      const id = `${placement.tenant ?? ''}\u0000${placement.area ?? ''}`
      const entry = byPlacement.get(id) ?? {placement, sightings: []}
      entry.sightings.push(s)
      byPlacement.set(id, entry)
    }
    for (const {placement, sightings: here} of byPlacement.values()) {
      const newest = here[0]
      merged.push({
        finding: {...newest.blob.finding, file: newest.place.path, tenant: placement.tenant, area: placement.area, history: historyOf(here, repository, false)},
        hash: newest.blob.hash,
      })
    }
  }
  return merged
}
