import {shannonEntropy} from './entropy.js'
import {isDecoySecret} from './decoys.js'
import {RULES} from './registry.js'
import type {Detection, Rule} from './types.js'

/**
 * What a key's neighbourhood says about it, beyond its own line: the other half of a pair that no name marks
 * (an AWS secret on the line after its key id), and a key that is public by design in that company (a Firebase
 * web config's browser key). Pure: offsets in, offsets out.
 */

interface PairRule {
  readonly rule: Rule
  readonly token: RegExp
  readonly lines: number
}

let pairsByAnchor: Map<string, PairRule[]> | null = null

function pairRules(): Map<string, PairRule[]> {
  if (pairsByAnchor) return pairsByAnchor
  pairsByAnchor = new Map()
  for (const rule of RULES) {
    if (!rule.pair) continue
    // A whole token: not a piece of a longer run of the same alphabet (a hash, a base64 blob).
    const token = new RegExp(`(?<![A-Za-z0-9/+=_-])(?:${rule.pair.token})(?![A-Za-z0-9/+=_-])`, 'g')
    pairsByAnchor.set(rule.pair.anchor, [...(pairsByAnchor.get(rule.pair.anchor) ?? []), {rule, token, lines: rule.pair.lines}])
  }
  return pairsByAnchor
}

/** Bare tokens that are a pair's second half, within the pair's lines of a first half found in `text`. */
export function pairedDetections(text: string, found: readonly Detection[]): Detection[] {
  const pairs = pairRules()
  const added: Detection[] = []
  const overlaps = (d: Detection, start: number, end: number): boolean => start < d.end && end > d.start
  const taken = (start: number, end: number): boolean => found.some((d) => overlaps(d, start, end)) || added.some((d) => overlaps(d, start, end))
  for (const anchor of found) {
    for (const pair of pairs.get(anchor.ruleId) ?? []) {
      const from = lineStartBefore(text, anchor.start, pair.lines)
      const to = lineEndAfter(text, anchor.end, pair.lines)
      const window = text.slice(from, to)
      pair.token.lastIndex = 0
      for (let m = pair.token.exec(window); m !== null; m = pair.token.exec(window)) {
        const start = from + m.index
        const end = start + m[0].length
        const secret = m[0]
        if (taken(start, end)) continue
        if (pair.rule.entropy !== undefined && shannonEntropy(secret) < pair.rule.entropy) continue
        // Random keys mix cases and digits; a word, a path or a hex digest of the same length does not.
        if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret) || isDecoySecret(secret)) continue
        added.push({ruleId: pair.rule.id, start, end, name: null})
      }
    }
  }
  return added
}

/** Whether the rule's key at `start..end` sits where its company publishes it (every marker within the rule's reach). */
export function isPublicByContext(rule: Rule | undefined, text: string, start: number, end: number): boolean {
  const near = rule?.publicNear
  if (!near) return false
  const around = text.slice(Math.max(0, start - near.chars), Math.min(text.length, end + near.chars))
  return near.markers.every((marker) => marker.test(around))
}

/** Where the line `lines` lines above the one holding `offset` starts. */
function lineStartBefore(text: string, offset: number, lines: number): number {
  let at = text.lastIndexOf('\n', offset - 1)
  for (let n = 0; n < lines && at > 0; n++) at = text.lastIndexOf('\n', at - 1)
  return at + 1
}

/** Where the line `lines` lines below the one holding `offset` ends. */
function lineEndAfter(text: string, offset: number, lines: number): number {
  let at = text.indexOf('\n', offset)
  for (let n = 0; n < lines && at >= 0; n++) at = text.indexOf('\n', at + 1)
  return at < 0 ? text.length : at
}
