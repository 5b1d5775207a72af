import type {Rule} from './types.js'

/**
 * The one overlap resolver: the engine's line and value passes and the file scan (format parsers, line pass,
 * pair members) all keep detections of overlapping bytes through `resolveOverlaps`, so they cannot rank apart.
 *
 * Where two detections share bytes, the first difference in this order decides:
 *   1. the rule's priority (`rulePriority`): a provider's own shape (3) beats a provider's name rule (2), which
 *      beats a bare JWT (1), a whole curl header or URL credential (0.5) and the generic rules (0);
 *   2. a named detection (an assignment or a parser's key names it) beats an unnamed one;
 *   3. the longer span beats the shorter;
 *   4. the earlier start, then the rule id, then the order given (the file scan lists a parser's detections
 *      before the line pass's, so a parser's name and format stand when both saw the same bytes).
 * Within a run of overlapping detections every one that overlaps no better-ranked kept one is kept too; a kept
 * detection without a name takes the name of any candidate that covers it.
 */

/** How specific a rule is when its detection overlaps another's: higher wins. Unknown rules rank as generic. */
export function rulePriority(rule: Rule | undefined): number {
  if (!rule) return 0
  // Broad shapes (generic 0, curl 0.5, jwt 1) say so in their own rule file; a provider's rules take the default.
  return rule.priority ?? (rule.names ? 2 : 3)
}

/** What the resolver needs of a detection. */
export interface OverlapCandidate {
  readonly ruleId: string
  readonly start: number
  readonly end: number
  readonly name: string | null
}

/** Negative when `a` ranks before `b` (see the order above); `priority` is `rulePriority` of each one's rule. */
export function compareOverlapRank(a: OverlapCandidate, priorityA: number, b: OverlapCandidate, priorityB: number): number {
  return (
    priorityB - priorityA ||
    (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}

/**
 * Keeps the best-ranked detections where candidates overlap and returns them sorted by position; no two
 * returned overlap. `priority` gives each candidate's rule priority (callers cache it); `withName` copies a
 * candidate with the name a covering candidate knew. Does not modify `candidates`.
 */
export function resolveOverlaps<T extends OverlapCandidate>(
  candidates: readonly T[],
  priority: (candidate: T) => number,
  withName: (candidate: T, name: string) => T,
): T[] {
  if (candidates.length === 0) return []
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)
  const result: T[] = []
  let cluster: T[] = []
  let clusterEnd = -1
  const flush = (): void => {
    if (cluster.length === 1) result.push(cluster[0])
    else if (cluster.length > 1) {
      const ranks = new Map(cluster.map((c) => [c, priority(c)]))
      const ranked = [...cluster].sort((a, b) => compareOverlapRank(a, ranks.get(a)!, b, ranks.get(b)!))
      const kept: T[] = []
      for (const candidate of ranked) {
        if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate)
      }
      for (const k of kept) {
        // A name known from any overlapping candidate that covers the kept one describes it too.
        const name = k.name ?? cluster.find((c) => c.name !== null && c.start <= k.start && c.end >= k.end)?.name ?? null
        result.push(name === null || name === k.name ? k : withName(k, name))
      }
    }
    cluster = []
  }
  for (const candidate of sorted) {
    if (candidate.start >= clusterEnd) {
      flush()
      clusterEnd = candidate.end
    } else if (candidate.end > clusterEnd) {
      clusterEnd = candidate.end
    }
    cluster.push(candidate)
  }
  flush()
  return result.sort((a, b) => a.start - b.start)
}
