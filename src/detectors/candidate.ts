import {decoyReason, isDecoySecret} from './decoys.js'
import {randomEntropyFloor, shannonEntropy} from './entropy.js'
import type {Rule} from './types.js'

/** A detection before overlaps are resolved: offsets into the scanned text, and the rule by index and id. */
export interface Candidate {
  readonly ruleIndex: number
  readonly ruleId: string
  readonly start: number
  readonly end: number
  name: string | null
}

/** Whether a candidate survives the rule's own filters and the shared decoy filter. */
export function acceptSecret(rule: Rule, secret: string): boolean {
  if (rule.entropy !== undefined && shannonEntropy(secret) < Math.min(rule.entropy, randomEntropyFloor(secret))) return false
  if (rule.allow) {
    for (const pattern of rule.allow) {
      // A `g` or `y` flag would make `test` resume from the last match; every secret starts afresh.
      pattern.lastIndex = 0
      if (pattern.test(secret)) return false
    }
  }
  // Multi-line blocks (PEM) hold dashes and runs by design, so their own verify judges the body; but a
  // reference (`outloop://…`, `${VAR}`) is never a secret, whatever rule matched it.
  if (rule.multiline ? decoyReason(secret) === 'reference' : isDecoySecret(secret)) return false
  if (rule.verify && !rule.verify(secret)) return false
  return true
}

/** Offset of the `secret` group in a match made with the `d` flag, relative to the searched string. */
export function secretSpan(match: RegExpExecArray): [number, number] | null {
  const span = match.indices?.groups?.secret
  if (span) return span[0] === span[1] ? null : [span[0], span[1]]
  if (match.groups && 'secret' in match.groups) return null
  return match[0].length > 0 ? [match.index, match.index + match[0].length] : null
}
