import type {SecretValue} from '../lib/secret-value.js'

/** A stream filter that replaces known secret values with a label, even when a value is split across chunks. */
export interface OutputMasker {
  /** Masked bytes safe to emit now; a tail that could be the start of a value is held back. */
  push(chunk: Buffer): Buffer
  /** Whatever is held back, at the end of the stream (it is not a whole value, so it is safe). */
  flush(): Buffer
}

/**
 * Masks values in a child's output. Works on bytes so a multi-byte character split between chunks changes
 * nothing; holds back only the longest tail that is a proper prefix of some value, so output is delayed as
 * little as possible and a value written in two pieces is still caught.
 */
export function createOutputMasker(secrets: ReadonlyArray<{value: SecretValue; label: string}>): OutputMasker {
  const needles = secrets
    .filter((s) => s.value.length > 0)
    .map((s) => ({bytes: Buffer.from(s.value.reveal()), label: Buffer.from(s.label)}))
    .sort((a, b) => b.bytes.length - a.bytes.length)
  const longest = needles[0]?.bytes.length ?? 0
  let pending = Buffer.alloc(0)
  return {
    push(chunk) {
      if (needles.length === 0) return chunk
      const buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      const out: Buffer[] = []
      let i = 0
      for (;;) {
        let at = -1
        let hit: (typeof needles)[number] | null = null
        for (const needle of needles) {
          const found = buf.indexOf(needle.bytes, i)
          if (found >= 0 && (at < 0 || found < at)) {
            at = found
            hit = needle
          }
        }
        if (!hit) break
        out.push(buf.subarray(i, at), hit.label)
        i = at + hit.bytes.length
      }
      let hold = 0
      for (let k = Math.min(longest - 1, buf.length - i); k > 0 && hold === 0; k--) {
        const tail = buf.subarray(buf.length - k)
        if (needles.some((needle) => needle.bytes.length > k && needle.bytes.subarray(0, k).equals(tail))) hold = k
      }
      out.push(buf.subarray(i, buf.length - hold))
      pending = Buffer.from(buf.subarray(buf.length - hold))
      return Buffer.concat(out)
    },
    flush() {
      const rest = pending
      pending = Buffer.alloc(0)
      return rest
    },
  }
}
