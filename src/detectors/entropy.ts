/** Shannon entropy of a string in bits per character (0 for the empty string). */
export function shannonEntropy(text: string): number {
  const length = text.length
  if (length === 0) return 0
  const counts = new Map<number, number>()
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  let bits = 0
  for (const count of counts.values()) {
    const p = count / length
    bits -= p * Math.log2(p)
  }
  return bits
}

/** Lengths at which the floors below were measured. */
const FLOOR_LENGTHS = [8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 48, 64]
/**
 * The entropy that uniformly random strings of each length fall below once in 10,000 (50,000 samples per
 * cell), for hex, single-case alphanumeric and mixed-case alphanumeric alphabets.
 */
const RANDOM_FLOORS: Record<16 | 36 | 62, readonly number[]> = {
  16: [1.3, 1.69, 1.9, 2.07, 2.31, 2.44, 2.58, 2.7, 2.88, 3.0, 3.16, 3.3, 3.45],
  36: [1.75, 2.12, 2.36, 2.61, 2.78, 2.97, 3.11, 3.34, 3.49, 3.66, 3.92, 4.07, 4.29],
  62: [1.91, 2.32, 2.58, 2.84, 3.02, 3.24, 3.34, 3.61, 3.75, 3.98, 4.23, 4.43, 4.74],
}

/**
 * The lowest entropy a random key of this length and alphabet plausibly has. A rule's entropy floor above
 * it would drop real keys by chance (a 3.0 floor drops 0.7% of random 24-character hex keys), so the
 * engine never demands more than this.
 */
export function randomEntropyFloor(secret: string): number {
  const hex = /^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)
  const singleCase = /^[0-9a-z]+$/.test(secret) || /^[0-9A-Z]+$/.test(secret)
  const alphabet = hex ? 16 : singleCase ? 36 : 62
  const floors = RANDOM_FLOORS[alphabet]
  const length = secret.length
  if (length <= FLOOR_LENGTHS[0]) return floors[0]
  for (let i = 1; i < FLOOR_LENGTHS.length; i++) {
    if (length <= FLOOR_LENGTHS[i]) {
      const t = (length - FLOOR_LENGTHS[i - 1]) / (FLOOR_LENGTHS[i] - FLOOR_LENGTHS[i - 1])
      return floors[i - 1] + t * (floors[i] - floors[i - 1])
    }
  }
  // Past 64 characters the floor keeps rising with log2 of the length.
  return floors.at(-1)! + Math.log2(length / 64)
}
