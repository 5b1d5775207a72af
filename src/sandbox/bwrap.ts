import type {SandboxMount} from './profile.js'

/** A planned path as it exists on this machine: a folder or something else (a file, a socket). */
export interface ResolvedMount extends SandboxMount {
  readonly type: 'dir' | 'file'
}

export interface BwrapOptions {
  /** Where the command starts (inside the client's folder). */
  readonly chdir: string
  /** The descriptor bwrap reads the seccomp program from. */
  readonly seccompFd: number
  /** The descriptor bwrap reports the sandboxed child's pid on, as JSON, once set-up succeeded. */
  readonly statusFd: number
}

/**
 * bubblewrap's arguments for a confined agent: new PID and IPC namespaces (no outloop process is visible in
 * /proc), no capabilities (a root agent can't unmount what hides a path), the system read-only, the mounts
 * in plan order, and the seccomp filter. The network namespace is shared: the agent reaches the broker on
 * loopback, and the network as before.
 */
export function bwrapArguments(mounts: readonly ResolvedMount[], options: BwrapOptions): string[] {
  const args = ['--die-with-parent', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--cap-drop', 'ALL']
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/dev/shm')
  const readOnlyAfter: string[] = []
  for (const mount of mounts) {
    switch (mount.kind) {
      case 'hide':
        if (mount.type === 'dir') {
          args.push('--tmpfs', mount.path)
          // Made read-only last, so a folder that must stay visible below it can still get its mount point.
          readOnlyAfter.push(mount.path)
        } else args.push('--ro-bind', '/dev/null', mount.path)
        break
      case 'workspace':
      case 'writable':
        args.push('--bind', mount.path, mount.path)
        break
      case 'readable':
        args.push('--ro-bind', mount.path, mount.path)
        break
      case 'scratch':
        if (mount.type === 'dir') args.push('--tmpfs', mount.path)
        break
    }
  }
  for (const path of readOnlyAfter) args.push('--remount-ro', path)
  args.push('--chdir', options.chdir, '--seccomp', String(options.seccompFd), '--json-status-fd', String(options.statusFd))
  return args
}
