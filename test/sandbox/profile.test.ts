import {describe, expect, it} from 'vitest'

import {bwrapArguments, type ResolvedMount} from '../../src/sandbox/bwrap.js'
import {sandboxExecProfile} from '../../src/sandbox/macos.js'
import {DEFAULT_HIDDEN_PATHS, expandSandboxPath, planSandboxView, SandboxPlanError, type SandboxPlanInput} from '../../src/sandbox/profile.js'
import {buildSeccompFilter} from '../../src/sandbox/seccomp.js'
import {parseSandboxSettings} from '../../src/sandbox/settings.js'

const base: SandboxPlanInput = {
  clientDir: '/home/op/clients/acme',
  outloopHome: '/home/op/.outloop',
  userHome: '/home/op',
  otherClientDirs: ['/home/op/clients/globex', '/home/op/clients/acme/sub-for-initech'],
  besideClientDirs: ['/home/op/clients/initech', '/home/op/clients/_skills', '/home/op/clients/keys.txt'],
  settings: {hide: [], writable: [], scratch: [], readable: []},
  env: {XDG_RUNTIME_DIR: '/run/user/1000', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/dbus-AbC%2dx,guid=1', SSH_AUTH_SOCK: '/tmp/ssh-x/agent.1'},
}

const kindOf = (plan: ReturnType<typeof planSandboxView>, path: string) => plan.find((m) => m.path === path)?.kind

describe('the confined view (planSandboxView)', () => {
  it('hides OUTLOOP_HOME, other clients, sockets and credential stores; the client folder is writable; a private /tmp', () => {
    const plan = planSandboxView(base)
    expect(kindOf(plan, '/home/op/.outloop')).toBe('hide')
    expect(kindOf(plan, '/home/op/clients/globex')).toBe('hide')
    expect(kindOf(plan, '/home/op/clients/acme')).toBe('workspace')
    expect(kindOf(plan, '/tmp')).toBe('scratch')
    expect(kindOf(plan, '/run/user/1000')).toBe('hide')
    expect(kindOf(plan, '/tmp/dbus-AbC-x')).toBe('hide')
    expect(kindOf(plan, '/tmp/ssh-x/agent.1')).toBe('hide')
    for (const path of ['/home/op/.ssh', '/home/op/.aws', '/home/op/.vault-token', '/home/op/.local/share/keyrings', '/home/op/.docker', '/home/op/.npmrc']) expect(kindOf(plan, path), path).toBe('hide')
    expect(DEFAULT_HIDDEN_PATHS.length).toBeGreaterThanOrEqual(20)
  })

  it('orders shallow before deep, so another client nested inside this one is hidden on top of it', () => {
    const plan = planSandboxView(base)
    const at = (path: string) => plan.findIndex((m) => m.path === path)
    expect(at('/tmp')).toBeLessThan(at('/home/op/clients/acme'))
    expect(at('/home/op/clients/acme')).toBeLessThan(at('/home/op/clients/acme/sub-for-initech'))
    expect(kindOf(plan, '/home/op/clients/acme/sub-for-initech')).toBe('hide')
  })

  it("keeps the client folder visible inside a hidden folder (a client nested in another client's)", () => {
    const plan = planSandboxView({...base, clientDir: '/home/op/clients/globex/acme-copy', otherClientDirs: ['/home/op/clients/globex']})
    expect(kindOf(plan, '/home/op/clients/globex')).toBe('hide')
    expect(kindOf(plan, '/home/op/clients/globex/acme-copy')).toBe('workspace')
  })

  it('refuses a client folder inside OUTLOOP_HOME, or one that is itself a hidden path', () => {
    expect(() => planSandboxView({...base, clientDir: '/home/op/.outloop/clients/acme'})).toThrow(SandboxPlanError)
    expect(() => planSandboxView({...base, settings: {hide: ['~/clients/acme'], writable: [], scratch: [], readable: []}})).toThrow(/also a hidden path/)
  })

  it('takes the operator settings: hidden wins over writable on one path, and nothing under a hidden path opens again', () => {
    const plan = planSandboxView({...base, settings: {hide: ['~/secrets', '~/.claude'], writable: ['~/.claude', '~/.outloop/policy.yaml', '~/work-notes'], scratch: ['~/.cargo'], readable: []}})
    expect(kindOf(plan, '/home/op/secrets')).toBe('hide')
    expect(kindOf(plan, '/home/op/.claude')).toBe('hide')
    expect(kindOf(plan, '/home/op/.outloop/policy.yaml')).toBeUndefined()
    expect(kindOf(plan, '/home/op/work-notes')).toBe('writable')
    expect(kindOf(plan, '/home/op/.cargo')).toBe('scratch')
    expect(() => planSandboxView({...base, settings: {hide: ['relative/path'], writable: [], scratch: [], readable: []}})).toThrow(/not an absolute path/)
  })

  it('hides what lies beside a client folder (not connected yet, shared areas, notes), unless the operator shows it', () => {
    const plan = planSandboxView(base)
    for (const path of ['/home/op/clients/initech', '/home/op/clients/_skills', '/home/op/clients/keys.txt']) expect(kindOf(plan, path), path).toBe('hide')
    const shown = planSandboxView({...base, settings: {hide: [], writable: [], scratch: [], readable: ['~/clients/_skills', '~/clients/_skills/sub', '~/.outloop/policy.yaml']}})
    expect(kindOf(shown, '/home/op/clients/_skills')).toBe('readable')
    expect(kindOf(shown, '/home/op/clients/_skills/sub')).toBe('readable')
    // A hard hide (OUTLOOP_HOME, another client) is never opened by a readable setting.
    expect(kindOf(shown, '/home/op/.outloop/policy.yaml')).toBeUndefined()
    const global = planSandboxView({...base, otherClientDirs: ['/home/op/clients/globex'], settings: {hide: [], writable: [], scratch: [], readable: ['~/clients/globex']}})
    expect(kindOf(global, '/home/op/clients/globex')).toBe('hide')
  })

  it('expands ~ and trims trailing slashes', () => {
    expect(expandSandboxPath('~/.ssh/', '/home/op')).toBe('/home/op/.ssh')
    expect(expandSandboxPath('~', '/home/op')).toBe('/home/op')
    expect(expandSandboxPath('/a//b/', '/home/op')).toBe('/a/b')
    expect(expandSandboxPath('x', '/home/op')).toBeNull()
  })
})

describe('bubblewrap arguments', () => {
  const mounts: ResolvedMount[] = [
    {path: '/tmp', kind: 'scratch', why: '', type: 'dir'},
    {path: '/home/op/.outloop', kind: 'hide', why: '', type: 'dir'},
    {path: '/home/op/.vault-token', kind: 'hide', why: '', type: 'file'},
    {path: '/home/op/clients/acme', kind: 'workspace', why: '', type: 'dir'},
  ]
  it('drops every capability, unshares PID and IPC, mounts the system read-only, and remounts hidden folders read-only last', () => {
    const args = bwrapArguments(mounts, {chdir: '/home/op/clients/acme/sub', seccompFd: 3, statusFd: 4})
    const joined = args.join(' ')
    expect(joined).toContain('--die-with-parent --unshare-pid --unshare-ipc')
    expect(joined).toContain('--cap-drop ALL')
    expect(joined).toContain('--ro-bind / /')
    expect(joined).toContain('--tmpfs /home/op/.outloop')
    expect(joined).toContain('--ro-bind /dev/null /home/op/.vault-token')
    expect(joined).toContain('--bind /home/op/clients/acme /home/op/clients/acme')
    expect(args.indexOf('--remount-ro')).toBeGreaterThan(args.lastIndexOf('--bind'))
    expect(joined).toContain('--chdir /home/op/clients/acme/sub --seccomp 3 --json-status-fd 4')
    expect(args).not.toContain('--share-net')
    expect(args).not.toContain('--unshare-net')
  })
})

describe('the seccomp filter', () => {
  for (const arch of ['x64', 'arm64'] as const) {
    it(`is a well-formed classic BPF program for ${arch}: starts with the arch check, every jump in range, ends in a return`, () => {
      const program = buildSeccompFilter(arch)
      expect(program.length % 8).toBe(0)
      const count = program.length / 8
      const insn = (i: number) => ({code: program.readUInt16LE(i * 8), jt: program.readUInt8(i * 8 + 2), jf: program.readUInt8(i * 8 + 3), k: program.readUInt32LE(i * 8 + 4)})
      expect(insn(0)).toEqual({code: 0x20, jt: 0, jf: 0, k: 4})
      for (let i = 0; i < count; i++) {
        const {code, jt, jf} = insn(i)
        if ((code & 0x07) === 0x05) expect(i + 1 + Math.max(jt, jf)).toBeLessThan(count)
      }
      expect(insn(count - 1).code).toBe(0x06)
      // The refusals return EPERM, never kill: a tool that probes for a feature must get an answer.
      const returns = Array.from({length: count}, (_, i) => insn(i)).filter((x) => x.code === 0x06).map((x) => x.k)
      expect(new Set(returns)).toEqual(new Set([0x7fff0000, 0x00050001]))
    })
  }
})

describe('the macOS profile (sandbox-exec), as text', () => {
  it('hides the same paths, allows writes only where the plan does, and closes sockets, keychain and other processes', () => {
    const profile = sandboxExecProfile([
      {path: '/Users/op/.outloop', kind: 'hide', why: '', type: 'dir'},
      {path: '/Users/op/.vault-token', kind: 'hide', why: '', type: 'file'},
      {path: '/Users/op/clients/globex', kind: 'hide', why: '', type: 'dir'},
      {path: '/Users/op/clients/globex/acme "copy"', kind: 'workspace', why: '', type: 'dir'},
      {path: '/private/tmp', kind: 'scratch', why: '', type: 'dir'},
    ])
    expect(profile.startsWith('(version 1)\n')).toBe(true)
    expect(profile).toContain('(deny file-read* file-write* (require-all (require-any (subpath "/Users/op/.outloop") (literal "/Users/op/.vault-token") (subpath "/Users/op/clients/globex")) (require-not (require-any (subpath "/Users/op/clients/globex/acme \\"copy\\"")))))')
    expect(profile).toMatch(/\(deny file-write\* \(require-not \(require-any \(subpath "\/Users\/op\/clients\/globex\/acme \\"copy\\""\) \(subpath "\/private\/tmp"\)/)
    expect(profile).toContain('(deny network-outbound (remote unix-socket))')
    expect(profile).toContain('(global-name "com.apple.SecurityServer")')
    expect(profile).toContain('(deny process-info* (target others))')
    // Balanced parentheses outside strings: a profile sandbox-exec can parse.
    const bare = profile.replace(/"(?:\\.|[^"\\])*"/g, '""').replace(/#"[^"]*"/g, '""').replace(/;[^\n]*/g, '')
    let depth = 0
    for (const ch of bare) {
      depth += ch === '(' ? 1 : ch === ')' ? -1 : 0
      expect(depth).toBeGreaterThanOrEqual(0)
    }
    expect(depth).toBe(0)
  })
})

describe('OUTLOOP_HOME/config.yaml sandbox settings', () => {
  it('reads hide, writable and scratch lists', () => {
    expect(parseSandboxSettings('sandbox:\n  hide: [~/.ssh-work]\n  writable:\n    - ~/.claude\n  scratch: []\n  readable: [~/clients/_skills]\n', 'config.yaml')).toEqual({hide: ['~/.ssh-work'], writable: ['~/.claude'], scratch: [], readable: ['~/clients/_skills']})
    expect(parseSandboxSettings('', 'config.yaml')).toEqual({hide: [], writable: [], scratch: [], readable: []})
  })
  it('names the line and column of a mistake, never quoting the file', () => {
    expect(() => parseSandboxSettings('sandbox:\n  hidden: [a]\n', 'config.yaml')).toThrow(/config\.yaml:2:3: sandbox: unknown setting "hidden"/)
    expect(() => parseSandboxSettings('sandbox:\n  hide: ~/.ssh\n', 'config.yaml')).toThrow(/config\.yaml:2:9: sandbox.hide: expected a list of paths/)
    expect(() => parseSandboxSettings('other: 1\n', 'config.yaml')).toThrow(/unknown section "other"/)
  })
})
