import type {FileFormat} from './types.js'

/**
 * Formats whose decoding matters, recognised by content in a file whose name says nothing (`notes.txt`,
 * `backup-2024.json`, `case1`): Docker `auths` JSON and Kubernetes Secrets hold base64-wrapped keys, a `.netrc`
 * holds passwords by token position, a service-account JSON holds a PEM in an escaped string, and a bare PEM
 * block is a key file whatever it is called. Only the head of the file is read: a format shows itself early.
 */
const HEAD = 64 * 1024

/** Formats a name picks that content may overrule: the generic ones (and none at all). Markdown stays notes. */
const GENERIC = new Set(['notes', 'json', 'yaml'])
const MARKDOWN = /\.(?:md|markdown|mdx)$/i

const DOCKER_AUTHS = /"auths"\s*:\s*\{/
const SERVICE_ACCOUNT = /"type"\s*:\s*"(?:service_account|authorized_user|external_account)"|"private_key"\s*:\s*"-----BEGIN/
const K8S_SECRET = /^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?\r?$/m
const K8S_API = /^apiVersion:[ \t]*\S/m
const PEM_START = /^-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/
const NETRC_TOKEN = /^[ \t]*(?:machine|login|password|account|default|macdef)(?:[ \t]|$)/

export interface SniffTargets {
  readonly dockerConfig: FileFormat
  readonly json: FileFormat
  readonly kubernetes: FileFormat
  readonly netrc: FileFormat
  readonly pem: FileFormat
}

/** The format a file's content says it is, when its name picked only a generic one (or none); else `byName`. */
export function sniffFormat(relPath: string, text: string, byName: FileFormat | undefined, targets: SniffTargets): FileFormat | undefined {
  if ((byName && !GENERIC.has(byName.id)) || MARKDOWN.test(relPath)) return byName
  const head = text.length > HEAD ? text.slice(0, HEAD) : text
  const start = head.trimStart()
  if (start.startsWith('{')) {
    if (DOCKER_AUTHS.test(head)) return targets.dockerConfig
    if (byName?.id !== 'json' && SERVICE_ACCOUNT.test(head)) return targets.json
    return byName
  }
  if (K8S_SECRET.test(head) && K8S_API.test(head)) return targets.kubernetes
  if (byName?.id === 'json' || byName?.id === 'yaml') return byName
  if (PEM_START.test(start)) return targets.pem
  if (looksLikeNetrc(head)) return targets.netrc
  return byName
}

/** Most lines are netrc tokens, one names a machine and one a password: `machine h login u password p`. */
function looksLikeNetrc(head: string): boolean {
  if (!/^[ \t]*(?:machine|default)[ \t]/m.test(head) || !/(?:^|[ \t])password[ \t]+\S/m.test(head)) return false
  const lines = head.split('\n').filter((line) => line.trim() !== '')
  const tokens = lines.filter((line) => NETRC_TOKEN.test(line)).length
  return tokens * 2 > lines.length
}
