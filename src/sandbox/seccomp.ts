/**
 * The seccomp filter a confined agent runs under (classic BPF, as bubblewrap's --seccomp takes it).
 *
 * The filesystem view hides sockets by path, but Linux also has abstract Unix sockets (no path: D-Bus and X11
 * use them on some systems, and /proc/net/unix lists their names), so the filter refuses to create any Unix
 * socket at all. socketpair() stays allowed: runtimes use it for their children's stdio. It also refuses what
 * reaches past the sandbox by other doors: TIOCSTI/TIOCLINUX (typing into the operator's terminal, which
 * runs once the agent exits), the kernel keyring, and io_uring (which can open sockets without socket()).
 */

/** The CPU architectures the filter is written for, as Node names them. */
export type SeccompArch = 'x64' | 'arm64'

interface ArchTable {
  readonly auditArch: number
  readonly socket: number
  readonly ioctl: number
  /** Syscalls refused outright. */
  readonly refused: readonly number[]
  /** x86_64's x32 ABI sets this bit in the syscall number; refusing it keeps the table above exhaustive. */
  readonly x32Bit: boolean
}

const ARCHES: Record<SeccompArch, ArchTable> = {
  // Numbers from each architecture's syscall table: add_key, request_key, keyctl, io_uring_setup/enter/register.
  x64: {auditArch: 0xc000003e, socket: 41, ioctl: 16, refused: [248, 249, 250, 425, 426, 427], x32Bit: true},
  arm64: {auditArch: 0xc00000b7, socket: 198, ioctl: 29, refused: [217, 218, 219, 425, 426, 427], x32Bit: false},
}

const AF_UNIX = 1
const TIOCSTI = 0x5412
const TIOCLINUX = 0x541c
const EPERM = 1

// struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6] (little-endian: low word first).
const OFFSET_NR = 0
const OFFSET_ARCH = 4
const offsetArgLow = (n: number): number => 16 + 8 * n

const LD_W_ABS = 0x20
const JEQ_K = 0x15
const JGE_K = 0x35
const RET_K = 0x06
const RET_ALLOW = 0x7fff0000
const RET_ERRNO = 0x00050000

type Instruction = {op: 'ld'; offset: number} | {op: 'jeq' | 'jge'; value: number; then: string} | {op: 'ret'; value: number} | {op: 'label'; name: string}

/** Whether this architecture has a filter here (elsewhere `outloop run` can't confine with bubblewrap). */
export function isSeccompArch(arch: string): arch is SeccompArch {
  return arch in ARCHES
}

/** The filter program for one architecture, as the bytes of its `struct sock_filter` array. */
export function buildSeccompFilter(arch: SeccompArch): Buffer {
  const table = ARCHES[arch]
  const program: Instruction[] = [
    {op: 'ld', offset: OFFSET_ARCH},
    {op: 'jeq', value: table.auditArch, then: 'native'},
    {op: 'ret', value: RET_ERRNO | EPERM},
    {op: 'label', name: 'native'},
    {op: 'ld', offset: OFFSET_NR},
    ...(table.x32Bit ? [{op: 'jge', value: 0x40000000, then: 'refuse'} as const] : []),
    {op: 'jeq', value: table.socket, then: 'socket'},
    {op: 'jeq', value: table.ioctl, then: 'ioctl'},
    ...table.refused.map((nr) => ({op: 'jeq', value: nr, then: 'refuse'}) as const),
    {op: 'ret', value: RET_ALLOW},
    {op: 'label', name: 'socket'},
    {op: 'ld', offset: offsetArgLow(0)},
    {op: 'jeq', value: AF_UNIX, then: 'refuse'},
    {op: 'ret', value: RET_ALLOW},
    {op: 'label', name: 'ioctl'},
    // The kernel reads an ioctl request as an unsigned int, so the low word alone decides.
    {op: 'ld', offset: offsetArgLow(1)},
    {op: 'jeq', value: TIOCSTI, then: 'refuse'},
    {op: 'jeq', value: TIOCLINUX, then: 'refuse'},
    {op: 'ret', value: RET_ALLOW},
    {op: 'label', name: 'refuse'},
    {op: 'ret', value: RET_ERRNO | EPERM},
  ]
  return assemble(program)
}

/** Resolves labels into classic BPF's relative jump offsets and packs each instruction into 8 bytes. */
function assemble(program: readonly Instruction[]): Buffer {
  const labels = new Map<string, number>()
  let index = 0
  for (const instruction of program) {
    if (instruction.op === 'label') labels.set(instruction.name, index)
    else index++
  }
  const out = Buffer.alloc(index * 8)
  let at = 0
  for (const instruction of program) {
    if (instruction.op === 'label') continue
    let code: number
    let jt = 0
    let k: number
    if (instruction.op === 'ld') {
      code = LD_W_ABS
      k = instruction.offset
    } else if (instruction.op === 'ret') {
      code = RET_K
      k = instruction.value
    } else {
      code = instruction.op === 'jeq' ? JEQ_K : JGE_K
      k = instruction.value
      const target = labels.get(instruction.then)
      if (target === undefined || target <= at || target - at - 1 > 255) throw new Error(`seccomp filter: bad jump to ${instruction.then}`)
      jt = target - at - 1
    }
    out.writeUInt16LE(code, at * 8)
    out.writeUInt8(jt, at * 8 + 2)
    out.writeUInt8(0, at * 8 + 3)
    out.writeUInt32LE(k >>> 0, at * 8 + 4)
    at++
  }
  return out
}
