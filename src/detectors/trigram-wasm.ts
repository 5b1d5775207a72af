/**
 * The keyword pre-filter's inner loop as WebAssembly: a rolling index of the last three lower-cased bytes,
 * tested against a bit set of the trigrams keywords start with; the positions that pass are written out
 * for JavaScript to check. It is the same loop as the JavaScript one in keyword-scanner.ts, which stays
 * as the fallback (and the reference the tests compare it with). The module is assembled here, from the
 * opcodes below, rather than shipped as a binary: there is nothing to build and nothing opaque to review.
 *
 * Why: V8 runs a per-byte JavaScript loop at 3–4 ns a byte on the machines we measured, and the pre-filter
 * reads every byte of every file; this loop runs at a fraction of that.
 */

/** Memory layout (one instance per scanner): lower-case table, trigram bit set, hit positions, text chunk. */
const LOWER_AT = 0
const BITS_AT = 256
/** Bytes of text per call; hits are at most one per byte, so the hit area holds as many positions. */
export const WASM_CHUNK = 64 * 1024
const HITS_AT = BITS_AT + (1 << 21) / 8
const TEXT_AT = HITS_AT + WASM_CHUNK * 4
const PAGES = Math.ceil((TEXT_AT + WASM_CHUNK + 2) / 65536)

export interface TrigramKernel {
  /** Copies `bytes[from - 2, to)` in (the two before give the first positions their trigram) and returns the hit count. */
  readonly scanChunk: (bytes: Uint8Array, from: number, to: number) => number
  /** Hit positions of the last scanChunk, as indices into the chunk: position p is byte `from - 2 + p` (or `p` when from is 0). */
  readonly hits: Int32Array
}

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = []
  do {
    let byte = value & 0x7f
    value >>>= 7
    if (value !== 0) byte |= 0x80
    out.push(byte)
  } while (value !== 0)
  return out
}

/** Signed LEB128 (for i32.const). */
function sleb(value: number): number[] {
  const out: number[] = []
  for (;;) {
    const byte = value & 0x7f
    value >>= 7
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte)
      return out
    }
    out.push(byte | 0x80)
  }
}

const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  get: 0x20, set: 0x21, tee: 0x22, const: 0x41,
  load8u: 0x2d, store: 0x36,
  geU: 0x4f, and: 0x71, or: 0x72, shl: 0x74, shrU: 0x76, add: 0x6a,
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body]
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))]
}

/** The module: `scan(length) -> hits` over the text at TEXT_AT, writing hit positions (i32) at HITS_AT. */
function assemble(): Uint8Array<ArrayBuffer> {
  const LEN = 0
  const I = 1
  const R = 2
  const N = 3
  const c = (v: number) => [op.const, ...sleb(v)]
  const memarg = (offset: number, align: number) => [align, ...uleb(offset)]
  const body = [
    1, 3, 0x7f, // locals: i, r, n (i32)
    op.block, op.void,
    op.loop, op.void,
    // if (i >= length) break
    op.get, I, op.get, LEN, op.geU, op.brIf, 1,
    // r = ((r << 7) | lower[text[i]]) & mask
    op.get, R, ...c(7), op.shl,
    op.get, I, op.load8u, ...memarg(TEXT_AT, 0),
    op.load8u, ...memarg(LOWER_AT, 0),
    op.or, ...c((1 << 21) - 1), op.and, op.tee, R,
    // if (bits[r >> 3] & (1 << (r & 7))) and i >= 2: hits[n++] = i
    ...c(3), op.shrU, op.load8u, ...memarg(BITS_AT, 0),
    ...c(1), op.get, R, ...c(7), op.and, op.shl, op.and,
    op.if, op.void,
    op.get, I, ...c(2), op.geU,
    op.if, op.void,
    op.get, N, ...c(2), op.shl, op.get, I, op.store, ...memarg(HITS_AT, 2),
    op.get, N, ...c(1), op.add, op.set, N,
    op.end,
    op.end,
    op.get, I, ...c(1), op.add, op.set, I,
    op.br, 0,
    op.end,
    op.end,
    op.get, N,
    op.end,
  ]
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]), // type 0: (i32) -> i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0x00, ...uleb(PAGES)]), // one memory, PAGES pages, no maximum
    ...section(7, [2, ...name('memory'), 0x02, 0, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ])
}

let compiled: WebAssembly.Module | null | undefined

/**
 * A kernel for one keyword set, given the lower-case table for bytes and the trigram bit set (as 32-bit
 * words, bit `t & 31` of word `t >> 5`); null where WebAssembly is not available (the caller falls back).
 */
export function createTrigramKernel(lower: Uint8Array, present: Int32Array): TrigramKernel | null {
  // The bit set is handed over as bytes, which reads as the loop expects on little-endian machines only.
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) return null
  try {
    if (compiled === undefined) compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(assemble()) : null
    if (compiled === null) return null
    const instance = new WebAssembly.Instance(compiled, {})
    const memory = instance.exports.memory as WebAssembly.Memory
    const scan = instance.exports.scan as (length: number) => number
    const heap = new Uint8Array(memory.buffer)
    heap.set(lower.subarray(0, 256), LOWER_AT)
    // Little-endian words laid out as bytes: bit t is bit (t & 7) of byte t >> 3, as the loop reads it.
    heap.set(new Uint8Array(present.buffer, present.byteOffset, present.byteLength), BITS_AT)
    const hits = new Int32Array(memory.buffer, HITS_AT, WASM_CHUNK)
    return {
      hits,
      scanChunk(bytes, from, to) {
        const start = from === 0 ? 0 : from - 2
        heap.set(bytes.subarray(start, to), TEXT_AT)
        return scan(to - start)
      },
    }
  } catch {
    compiled = null
    return null
  }
}
