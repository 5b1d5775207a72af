import {isAbsolute, join, normalize, sep} from 'node:path'

/**
 * What a confined agent may see: pure planning of the filesystem view, shared by the bubblewrap and macOS
 * sandbox builders. The rules: the system is read-only, the client's own folder is writable, a private /tmp,
 * and everything that could hand the agent a key or another client's session is hidden.
 */

/** How one path appears to the agent. */
export type SandboxMountKind =
  /** Absent: an empty, read-only folder (or an empty file) in its place. */
  | 'hide'
  /** The client's folder: readable and writable. */
  | 'workspace'
  /** An operator-chosen path the agent may write (it outlives the session: something the operator may run later). */
  | 'writable'
  /** An operator-chosen path shown read-only where the folder around it is hidden (a shared skills library). */
  | 'readable'
  /** An empty, writable folder that vanishes with the session (caches, /tmp). */
  | 'scratch'

/** One path of the plan and why it is there (shown by `outloop status` and `--no-sandbox`). */
export interface SandboxMount {
  readonly path: string
  readonly kind: SandboxMountKind
  readonly why: string
  /** A hidden path the operator's readable or writable settings may open up (what lies beside a client folder). */
  readonly soft?: boolean
}

/** The operator's additions, from OUTLOOP_HOME/config.yaml `sandbox:` (paths may start with `~/`). */
export interface SandboxSettings {
  readonly hide: readonly string[]
  readonly writable: readonly string[]
  readonly scratch: readonly string[]
  readonly readable: readonly string[]
}

export interface SandboxPlanInput {
  /** The client folder the session is bound to (real path). */
  readonly clientDir: string
  /** OUTLOOP_HOME (real path where it exists). */
  readonly outloopHome: string
  /** The operator's home folder. */
  readonly userHome: string
  /** Folders connected to other clients (real paths). */
  readonly otherClientDirs: readonly string[]
  /**
   * What lies beside each connected client folder (the rest of the clients root: folders not connected yet,
   * shared areas, loose notes), real paths. Hidden too, since they may still hold plaintext keys.
   */
  readonly besideClientDirs: readonly string[]
  readonly settings: SandboxSettings
  /** The launcher's environment: where the keyring, D-Bus and agent sockets are. */
  readonly env: NodeJS.ProcessEnv
}

/**
 * Credential stores an operator's home commonly holds. None is needed to run an agent through the broker,
 * and each would hand it a key (or a way to mint one) the policy never granted.
 */
export const DEFAULT_HIDDEN_PATHS: readonly string[] = [
  '~/.ssh',
  '~/.aws',
  '~/.azure',
  '~/.config/gcloud',
  '~/.kube',
  '~/.docker',
  '~/.gnupg',
  '~/.password-store',
  '~/.local/share/keyrings',
  '~/.config/op',
  '~/.config/gh',
  '~/.config/hub',
  '~/.config/git/credentials',
  '~/.git-credentials',
  '~/.netrc',
  '~/.npmrc',
  '~/.yarnrc.yml',
  '~/.pypirc',
  '~/.pgpass',
  '~/.my.cnf',
  '~/.vault-token',
  '~/.terraform.d',
  '~/.config/stripe',
  '~/.bash_history',
  '~/.zsh_history',
  '~/.python_history',
  '~/.node_repl_history',
  '~/.psql_history',
]

/** Caches tools write to on every run: empty and writable inside, so tools work without touching the real ones. */
export const DEFAULT_SCRATCH_PATHS: readonly string[] = ['~/.cache', '~/.npm', '/var/tmp']

/** Ranks a path's rules when they collide on one path: a hard hide always wins, a soft one only over scratch. */
function precedence(mount: SandboxMount): number {
  if (mount.kind === 'hide') return mount.soft ? 1 : 5
  return {workspace: 4, writable: 3, readable: 2, scratch: 0}[mount.kind]
}

/** Expands `~/` and makes a configured path absolute; null for a relative path (ambiguous, so refused). */
export function expandSandboxPath(path: string, userHome: string): string | null {
  const expanded = path === '~' ? userHome : path.startsWith('~/') ? join(userHome, path.slice(2)) : path
  return isAbsolute(expanded) ? normalize(expanded).replace(/(.)\/+$/, '$1') : null
}

/** Whether `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep)
}

/** A plan that can't be built, said so the operator can act on it. */
export class SandboxPlanError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message)
    this.name = 'SandboxPlanError'
  }
}

/**
 * The agent's view as an ordered list: shallow paths first, so a deeper rule (the client's folder inside a
 * private /tmp, another client's folder inside this one) lands on top of a shallower one. Throws a
 * SandboxPlanError when the client's folder itself would be hidden.
 */
export function planSandboxView(input: SandboxPlanInput): SandboxMount[] {
  const wanted: SandboxMount[] = [
    {path: '/tmp', kind: 'scratch', why: 'a private /tmp'},
    {path: input.outloopHome, kind: 'hide', why: 'OUTLOOP_HOME: the vault, session and audit keys, policy and bindings'},
    ...input.otherClientDirs.map((path) => ({path, kind: 'hide' as const, why: "another client's folder"})),
    ...input.besideClientDirs.map((path) => ({path, kind: 'hide' as const, soft: true, why: 'beside a client folder (not connected, or shared)'})),
    ...runtimeSocketPaths(input.env, input.userHome).map((path) => ({path, kind: 'hide' as const, why: 'keyring, D-Bus and agent sockets'})),
    {path: input.clientDir, kind: 'workspace', why: "the client's folder"},
  ]
  const configured = (paths: readonly string[], kind: SandboxMountKind, why: string): void => {
    for (const raw of paths) {
      const path = expandSandboxPath(raw, input.userHome)
      if (!path) throw new SandboxPlanError(`The sandbox setting ${JSON.stringify(raw)} is not an absolute path.`, 'Write sandbox paths in OUTLOOP_HOME/config.yaml as /absolute/paths or ~/paths.')
      wanted.push({path, kind, why})
    }
  }
  configured(DEFAULT_HIDDEN_PATHS, 'hide', 'a credential store')
  configured(input.settings.hide, 'hide', 'hidden in config.yaml')
  configured(input.settings.writable, 'writable', 'writable in config.yaml')
  configured(input.settings.readable, 'readable', 'readable in config.yaml')
  configured(DEFAULT_SCRATCH_PATHS, 'scratch', 'a cache, empty for the session')
  configured(input.settings.scratch, 'scratch', 'scratch in config.yaml')

  if (isWithin(input.clientDir, input.outloopHome)) {
    throw new SandboxPlanError(`The client folder ${input.clientDir} is inside OUTLOOP_HOME (${input.outloopHome}), which a confined agent must never see.`, 'Keep client folders outside OUTLOOP_HOME.')
  }
  for (const mount of wanted) {
    if (mount.kind === 'hide' && mount.path === input.clientDir) {
      throw new SandboxPlanError(`The client folder ${input.clientDir} is also a hidden path (${mount.why}).`, 'Take it out of sandbox.hide in OUTLOOP_HOME/config.yaml, or run the agent in another folder.')
    }
  }
  const byPath = new Map<string, SandboxMount>()
  for (const mount of wanted) {
    const seen = byPath.get(mount.path)
    if (!seen || precedence(mount) > precedence(seen)) byPath.set(mount.path, mount)
  }
  // Nothing below a (hard) hidden path may be opened up again, except the client's own folder and what lies in it.
  const hidden = [...byPath.values()].filter((m) => m.kind === 'hide' && !m.soft).map((m) => m.path)
  const view = [...byPath.values()].filter((m) => m.kind === 'hide' || m.kind === 'workspace' || isWithin(m.path, input.clientDir) || !hidden.some((h) => isWithin(m.path, h)))
  return view.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function depth(path: string): number {
  return path.split(sep).filter(Boolean).length
}

/** Sockets and folders through which a process of this user reaches the keyring, D-Bus or an SSH agent. */
function runtimeSocketPaths(env: NodeJS.ProcessEnv, userHome: string): string[] {
  const paths: string[] = []
  if (env.XDG_RUNTIME_DIR && isAbsolute(env.XDG_RUNTIME_DIR)) paths.push(normalize(env.XDG_RUNTIME_DIR))
  for (const part of (env.DBUS_SESSION_BUS_ADDRESS ?? '').split(';')) {
    const path = /(?:^|,|:)path=([^,]+)/.exec(part)?.[1]
    if (path && isAbsolute(path)) paths.push(normalize(decodeDbusValue(path)))
  }
  for (const name of ['SSH_AUTH_SOCK', 'GNOME_KEYRING_CONTROL', 'GPG_AGENT_INFO']) {
    const value = env[name]?.split(':')[0]
    if (value && isAbsolute(value)) paths.push(normalize(value))
  }
  paths.push(join(userHome, '.dbus'))
  return paths
}

/** D-Bus addresses percent-escape bytes outside a small safe set. */
function decodeDbusValue(value: string): string {
  return value.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

/** Variables an agent must not inherit: what unlocks the vault, and the addresses of keyrings and key agents. */
export const WITHHELD_ENVIRONMENT = ['OUTLOOP_PASSPHRASE', 'OUTLOOP_PASSPHRASE_FD', 'VAULT_TOKEN', 'DBUS_SESSION_BUS_ADDRESS', 'SSH_AUTH_SOCK', 'GNOME_KEYRING_CONTROL', 'GPG_AGENT_INFO'] as const
