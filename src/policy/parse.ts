import {dirname, isAbsolute, resolve} from 'node:path'

import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode} from 'yaml'

import {UserError} from '../lib/errors.js'
import {findServicePreset, SERVICE_PRESETS} from './presets.js'
import type {ApprovalRule, CredentialAttachment, EgressRule, Policy, PolicyAllowance, RateLimit, ServiceDefinition} from './types.js'

/** One thing wrong with a policy file: where, and what was expected. Never the value found there. */
export interface PolicyProblem {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** An invalid policy: the broker refuses to start on it. */
export class PolicyError extends UserError {
  readonly problems: readonly PolicyProblem[]

  constructor(problems: readonly PolicyProblem[]) {
    super(
      `The policy is invalid:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`,
      'Fix the policy file; outloop status lists the problems again.',
    )
    this.name = 'PolicyError'
    this.problems = problems
  }
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** Reads a policy file's text; returns the policy when valid, and every problem found (none when valid). */
export function checkPolicyText(text: string, file: string): {policy: Policy | null; problems: PolicyProblem[]} {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const problems: PolicyProblem[] = []
  const at = (offset: number, message: string): void => {
    const pos = lineCounter.linePos(offset)
    problems.push({file, line: pos.line, column: pos.col, message})
  }
  const atNode = (node: unknown, message: string): void => at((node as YamlNode | null)?.range?.[0] ?? 0, message)
  // The library's own messages quote the source line, which may hold a pasted key: keep only the position.
  for (const error of doc.errors) at(error.pos[0], `not valid YAML (${error.code.toLowerCase().replaceAll('_', ' ')})`)
  if (problems.length > 0) return {policy: null, problems}

  const services = new Map<string, ServiceDefinition>(SERVICE_PRESETS.map((preset) => [preset.name, preset]))
  const clients = new Map<string, PolicyAllowance[]>()
  const egress = new Map<string, EgressRule>()
  let defaultEgress: EgressRule = 'allow'
  const root = doc.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return {policy: {services, clients, egress, defaultEgress}, problems}
  if (!isMap(root)) {
    atNode(root, 'expected a mapping with "services" and "clients"')
    return {policy: null, problems}
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key === 'services') readServices(pair.value)
    else if (key === 'clients') readClients(pair.value)
    else if (key === 'egress') defaultEgress = readEgress(pair.value) ?? defaultEgress
    else atNode(pair.key, 'expected "services", "clients" or "egress" at the top level')
  }

  function str(node: unknown, what: string): string | null {
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value
    atNode(node, `expected ${what}`)
    return null
  }

  function readEgress(node: unknown): EgressRule | null {
    if (isScalar(node) && (node.value === 'allow' || node.value === 'deny')) return node.value
    atNode(node, 'expected "allow" (tunnel hosts no service answers for) or "deny" (refuse them)')
    return null
  }

  function readServices(node: unknown): void {
    if (node === null || (isScalar(node) && node.value === null)) return
    if (!isMap(node)) return atNode(node, 'expected a mapping of service name to its settings')
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!NAME.test(name)) {
        atNode(pair.key, 'expected a service name of lower-case letters, digits, ".", "_" or "-"')
        continue
      }
      const preset = findServicePreset(name)
      const settings = pair.value
      if (settings === null || (isScalar(settings) && settings.value === null)) {
        if (!preset) atNode(pair.key, 'expected "upstream" and "header" or "query" for a service that is not a built-in preset')
        continue
      }
      if (!isMap(settings)) {
        atNode(settings, 'expected a mapping with "upstream" and "header" or "query"')
        continue
      }
      let upstream = preset?.upstream
      let auth: CredentialAttachment | undefined = preset?.auth
      let baseUrlEnv = preset?.baseUrlEnv ?? []
      let hosts = preset?.hosts ?? []
      let ca = preset?.ca
      let ok = true
      for (const field of settings.items) {
        const fieldName = isScalar(field.key) ? String(field.key.value) : ''
        if (fieldName === 'upstream') {
          const value = str(field.value, 'an upstream URL starting with http:// or https://')
          const url = value ? safeUrl(value) : null
          if (value && (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash)) {
            atNode(field.value, 'expected an upstream URL starting with http:// or https://, without credentials, query or fragment')
            ok = false
          } else if (url) upstream = url.origin + url.pathname.replace(/\/+$/, '')
          else ok = false
        } else if (fieldName === 'header') {
          const value = str(field.value, 'a header template such as "Authorization: Bearer {secret}"')
          const colon = value?.indexOf(':') ?? -1
          const header = value && colon > 0 ? value.slice(0, colon).trim() : ''
          const template = value && colon > 0 ? value.slice(colon + 1).trim() : ''
          if (!value || !HEADER_NAME.test(header) || template.split('{secret}').length !== 2 || /[\r\n\0]/.test(template)) {
            if (value) atNode(field.value, 'expected a header template such as "Authorization: Bearer {secret}" (a header name, a colon, and {secret} once)')
            ok = false
          } else auth = {kind: 'header', header: header.toLowerCase(), template}
        } else if (fieldName === 'query') {
          const value = str(field.value, 'a query parameter name such as "key"')
          if (!value || !/^[A-Za-z0-9._-]+$/.test(value)) {
            if (value) atNode(field.value, 'expected a query parameter name of letters, digits, ".", "_" or "-"')
            ok = false
          } else auth = {kind: 'query', param: value}
        } else if (fieldName === 'env') {
          const items = isSeq(field.value) ? field.value.items : [field.value]
          const names: string[] = []
          for (const item of items) {
            const value = str(item, 'an environment variable name')
            if (value && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) names.push(value)
            else if (value) atNode(item, 'expected an environment variable name')
          }
          baseUrlEnv = names
        } else if (fieldName === 'hosts') {
          const items = isSeq(field.value) ? field.value.items : [field.value]
          const names: string[] = []
          for (const item of items) {
            const value = str(item, 'a host name such as api.example.com or *.example.com')
            const host = value?.toLowerCase()
            if (host && isHostPattern(host)) names.push(host)
            else {
              if (value) atNode(item, 'expected a host name such as api.example.com, or *.example.com for its subdomains (no scheme, port or path)')
              ok = false
            }
          }
          hosts = names
        } else if (fieldName === 'ca') {
          const value = str(field.value, 'the path of a PEM file of CA certificates')
          if (value && !/[\0\r\n]/.test(value)) ca = isAbsolute(value) ? value : resolve(dirname(file), value)
          else ok = false
        } else {
          atNode(field.key, 'expected "upstream", "header", "query", "env", "hosts" or "ca"')
          ok = false
        }
      }
      if (!ok) continue
      if (!upstream) {
        atNode(pair.key, 'expected "upstream": this service is not a built-in preset')
        continue
      }
      if (!auth) {
        atNode(pair.key, 'expected "header" (such as "Authorization: Bearer {secret}") or "query"')
        continue
      }
      services.set(name, {name, upstream, auth, baseUrlEnv, baseUrlSuffix: preset?.baseUrlSuffix ?? '', hosts, ...(ca ? {ca} : {})})
    }
  }

  function readClients(node: unknown): void {
    if (node === null || (isScalar(node) && node.value === null)) return
    if (!isMap(node)) return atNode(node, 'expected a mapping of client (tenant) name to a list of grants')
    for (const pair of node.items) {
      const tenant = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!NAME.test(tenant)) {
        atNode(pair.key, 'expected a client name of lower-case letters, digits, ".", "_" or "-"')
        continue
      }
      // outloop.* tenants hold outloop's own entries (migration backup keys, template values): never a client's.
      if (tenant.startsWith('outloop.')) {
        atNode(pair.key, 'expected a client name: names starting with "outloop." are outloop\'s own and never granted')
        continue
      }
      // A client is its list of grants, or a mapping with "grants" and settings such as "egress".
      let grantList: unknown = pair.value
      if (isMap(pair.value)) {
        grantList = null
        for (const field of pair.value.items) {
          const fieldName = isScalar(field.key) ? String(field.key.value) : ''
          if (fieldName === 'grants') grantList = field.value
          else if (fieldName === 'egress') {
            const rule = readEgress(field.value)
            if (rule) egress.set(tenant, rule)
          } else atNode(field.key, 'expected "grants" or "egress"')
        }
        if (grantList === null) {
          clients.set(tenant, clients.get(tenant) ?? [])
          continue
        }
      }
      if (!isSeq(grantList)) {
        atNode(grantList ?? pair.key, 'expected a list of grants (secret, service, methods, paths)')
        continue
      }
      const grants: PolicyAllowance[] = []
      for (const item of grantList.items) {
        if (!isMap(item)) {
          atNode(item, 'expected a grant: a mapping with secret, service, methods and paths')
          continue
        }
        let secret: string | null = null
        let service: string | null = null
        let methods: string[] = ['*']
        let paths: string[] = ['/**']
        let approve: ApprovalRule | undefined
        let approveWithinMs: number | undefined
        let limits: RateLimit[] | undefined
        let ok = true
        for (const field of item.items) {
          const fieldName = isScalar(field.key) ? String(field.key.value) : ''
          if (fieldName === 'secret') {
            secret = str(field.value, 'a secret name (the part after outloop://<client>/)')
            if (secret && !NAME.test(secret)) {
              atNode(field.value, 'expected a secret name of lower-case letters, digits, ".", "_" or "-"')
              ok = false
            }
          } else if (fieldName === 'service') {
            service = str(field.value, 'a service name')
            if (service && !services.has(service) && !serviceDeclaredLater(service)) {
              atNode(field.value, `expected a service defined under "services" or a built-in preset (${SERVICE_PRESETS.map((p) => p.name).join(', ')})`)
              ok = false
            }
          } else if (fieldName === 'methods') {
            const items = isSeq(field.value) ? field.value.items : [field.value]
            methods = []
            for (const m of items) {
              const value = str(m, 'an HTTP method')
              const upper = value?.toUpperCase()
              if (upper && (upper === '*' || METHODS.has(upper))) methods.push(upper)
              else {
                if (value) atNode(m, `expected an HTTP method (${[...METHODS].join(', ')}) or "*"`)
                ok = false
              }
            }
          } else if (fieldName === 'paths') {
            const items = isSeq(field.value) ? field.value.items : [field.value]
            paths = []
            for (const p of items) {
              const value = str(p, 'a path glob starting with /')
              if (value && value.startsWith('/') && !/[\s?#]/.test(value)) paths.push(value)
              else {
                if (value) atNode(p, 'expected a path glob starting with / (no spaces, query or fragment)')
                ok = false
              }
            }
          } else if (fieldName === 'approve') {
            const value = str(field.value, 'never, writes or always')
            if (value === 'never' || value === 'writes' || value === 'always') approve = value
            else {
              if (value !== null) atNode(field.value, 'expected "never", "writes" (requests other than GET, HEAD and OPTIONS) or "always"')
              ok = false
            }
          } else if (fieldName === 'approveWithin') {
            const ms = readDuration(isScalar(field.value) ? field.value.value : null)
            if (ms !== null) approveWithinMs = ms
            else {
              atNode(field.value, 'expected a time such as 90s, 2m or 1h (at most 24h)')
              ok = false
            }
          } else if (fieldName === 'limit' || fieldName === 'limits') {
            const items = isSeq(field.value) ? field.value.items : [field.value]
            limits = []
            for (const item of items) {
              const limit = readRateLimit(isScalar(item) ? item.value : null)
              if (limit) limits.push(limit)
              else {
                atNode(item, 'expected a budget such as 60/min, 500/hour or 2000/day')
                ok = false
              }
            }
          } else {
            atNode(field.key, 'expected "secret", "service", "methods", "paths", "approve", "approveWithin" or "limit"')
            ok = false
          }
        }
        if (!secret || !service) {
          if (ok) atNode(item, 'expected both "secret" and "service" in a grant')
          continue
        }
        if (ok) grants.push({secret, service, methods, paths, ...(approve && approve !== 'never' ? {approve} : {}), ...(approveWithinMs !== undefined ? {approveWithinMs} : {}), ...(limits?.length ? {limits} : {})})
      }
      clients.set(tenant, [...(clients.get(tenant) ?? []), ...grants])
    }
  }

  function serviceDeclaredLater(name: string): boolean {
    const servicesNode = isMap(root) ? root.get('services', true) : null
    return isMap(servicesNode) && servicesNode.has(name)
  }

  return problems.length > 0 ? {policy: null, problems} : {policy: {services, clients, egress, defaultEgress}, problems}
}

/** A host name (letters, digits, hyphens, dots), optionally `*.` in front for any subdomain of it. */
function isHostPattern(host: string): boolean {
  const name = host.startsWith('*.') ? host.slice(2) : host
  return name.length <= 253 && name.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))
}

const UNIT_MS = {s: 1000, m: 60_000, h: 3_600_000} as const

/** `90s`, `2m`, `1h` or a number of seconds; null when it is none of those or over a day. */
export function readDuration(value: unknown): number | null {
  const text = typeof value === 'number' ? `${value}s` : typeof value === 'string' ? value.trim() : ''
  const match = /^(\d{1,6})\s*(s|m|h)$/.exec(text)
  if (!match) return null
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
  return ms > 0 && ms <= 86_400_000 ? ms : null
}

const WINDOWS: Record<string, {unit: RateLimit['unit']; windowMs: number}> = {
  m: {unit: 'min', windowMs: 60_000},
  min: {unit: 'min', windowMs: 60_000},
  minute: {unit: 'min', windowMs: 60_000},
  h: {unit: 'hour', windowMs: 3_600_000},
  hour: {unit: 'hour', windowMs: 3_600_000},
  d: {unit: 'day', windowMs: 86_400_000},
  day: {unit: 'day', windowMs: 86_400_000},
}

/** `60/min`, `500/hour`, `2000/day`; null otherwise. */
export function readRateLimit(value: unknown): RateLimit | null {
  const match = typeof value === 'string' ? /^\s*(\d{1,6})\s*\/\s*([a-z]+)\s*$/.exec(value) : null
  const window = match ? WINDOWS[match[2]!] : undefined
  if (!match || !window || Number(match[1]) < 1) return null
  return {count: Number(match[1]), ...window}
}

/** Parses a policy file's text, or throws a PolicyError listing every problem with file, line and column. */
export function parsePolicyText(text: string, file: string): Policy {
  const {policy, problems} = checkPolicyText(text, file)
  if (!policy) throw new PolicyError(problems)
  return policy
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
