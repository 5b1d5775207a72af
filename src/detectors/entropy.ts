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
