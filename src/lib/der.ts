/**
 * The few DER (ASN.1) encodings an X.509 certificate needs, written out by hand so the proxy's local CA
 * depends on nothing but node:crypto. Each function returns one complete TLV.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content])
}

export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items))
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items))
export const octetString = (bytes: Buffer): Buffer => tlv(0x04, bytes)
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'))
export const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]))
/** `[n] EXPLICIT`: the whole encoding of the inner value, wrapped. */
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 | n, inner)
/** `[n] IMPLICIT` of a primitive: the tag replaced, the content kept. */
export const implicit = (n: number, content: Buffer): Buffer => tlv(0x80 | n, content)

/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps a high bit from reading as negative). */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

export const smallInteger = (n: number): Buffer => unsignedInteger(Buffer.from([n]))

/** A BIT STRING of whole bytes, or of `bits` significant bits of them. */
export function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]))
}

export function objectId(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number)
  const out = [40 * parts[0] + parts[1]]
  for (const part of parts.slice(2)) {
    const group: number[] = [part & 0x7f]
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128)) group.unshift(0x80 | (rest & 0x7f))
    out.push(...group)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`))
}
