import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

/**
 * A small HashiCorp Vault / OpenBao stand-in speaking the KV version 2 HTTP API (data, metadata, list,
 * check-and-set, versions, custom_metadata, namespaces), with Vault's status codes and error bodies for a
 * bad token (403), a missing mount (404 "no handler for route"), and a sealed server (503). Loopback only.
 */
export interface Kv2TestServer {
  readonly address: string
  readonly token: string
  /** Answer every request with 503 "Vault is sealed" while true. */
  sealed: boolean
  /** Every request seen: method, path, namespace, and whether the token matched. */
  readonly requests: Array<{method: string; path: string; namespace: string; body: string}>
  close(): Promise<void>
}

interface Version {
  data: Record<string, unknown>
  created_time: string
  deletion_time: string
  destroyed: boolean
}

interface Secret {
  versions: Map<number, Version>
  current: number
  created_time: string
  updated_time: string
  custom_metadata: Record<string, string> | null
  max_versions: number
}

/** Starts the stand-in on 127.0.0.1 at a free port. */
export async function startKv2TestServer(options: {token: string; mounts?: string[]; maxVersions?: number}): Promise<Kv2TestServer> {
  const mounts = new Set(options.mounts ?? ['secret'])
  const secrets = new Map<string, Secret>()
  const requests: Kv2TestServer['requests'] = []
  let clock = Date.parse('2025-01-01T00:00:00Z')
  const now = (): string => new Date((clock += 1000)).toISOString()

  const state = {sealed: false}
  const send = (res: ServerResponse, status: number, body?: unknown): void => {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)})
    res.end(text)
  }

  const handle = (req: IncomingMessage, res: ServerResponse, bodyText: string): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const namespace = String(req.headers['x-vault-namespace'] ?? '').replace(/^\/+|\/+$/g, '')
    requests.push({method: req.method ?? '', path: url.pathname + url.search, namespace, body: bodyText})
    if (state.sealed) return send(res, 503, {errors: ['Vault is sealed']})
    if (req.headers['x-vault-token'] !== options.token) return send(res, 403, {errors: ['permission denied']})
    if (!url.pathname.startsWith('/v1/')) return send(res, 404, {errors: []})
    const apiPath = url.pathname.slice('/v1/'.length)
    const isList = req.method === 'LIST' || (req.method === 'GET' && url.searchParams.get('list') === 'true')

    if (apiPath.replace(/\/$/, '') === 'sys/namespaces' && isList) {
      const children = new Set<string>()
      for (const key of secrets.keys()) {
        const ns = key.split('|')[0]
        const rest = namespace === '' ? ns : ns.startsWith(namespace + '/') ? ns.slice(namespace.length + 1) : ''
        if (rest) children.add(rest.split('/')[0] + '/')
      }
      return children.size === 0 ? send(res, 404, {errors: []}) : send(res, 200, {data: {keys: [...children].sort()}})
    }

    const [mount, kind, ...rest] = apiPath.split('/')
    const path = rest.join('/').replace(/\/$/, '')
    if (!mounts.has(mount) || (kind !== 'data' && kind !== 'metadata')) {
      return send(res, 404, {errors: [`no handler for route "${apiPath}". route entry not found.`]})
    }
    const key = `${namespace}|${mount}|${path}`
    const secret = secrets.get(key)
    let body: Record<string, unknown> = {}
    try {
      body = bodyText ? (JSON.parse(bodyText) as Record<string, unknown>) : {}
    } catch {
      return send(res, 400, {errors: ['failed to parse JSON input']})
    }

    if (kind === 'metadata' && isList) {
      const prefix = `${namespace}|${mount}|${path ? path + '/' : ''}`
      const keys = new Set<string>()
      for (const k of secrets.keys()) {
        if (!k.startsWith(prefix)) continue
        const tail = k.slice(prefix.length)
        const slash = tail.indexOf('/')
        keys.add(slash < 0 ? tail : tail.slice(0, slash + 1))
      }
      return keys.size === 0 ? send(res, 404, {errors: []}) : send(res, 200, {data: {keys: [...keys].sort()}})
    }

    if (kind === 'data' && req.method === 'POST') {
      const cas = (body.options as {cas?: number} | undefined)?.cas
      const current = secret?.current ?? 0
      if (cas !== undefined && cas !== current) return send(res, 400, {errors: ['check-and-set parameter did not match the current version']})
      const time = now()
      const target: Secret = secret ?? {versions: new Map(), current: 0, created_time: time, updated_time: time, custom_metadata: null, max_versions: options.maxVersions ?? 10}
      target.current = current + 1
      target.updated_time = time
      target.versions.set(target.current, {data: (body.data as Record<string, unknown>) ?? {}, created_time: time, deletion_time: '', destroyed: false})
      for (const v of [...target.versions.keys()].sort((a, b) => a - b)) if (target.versions.size > target.max_versions) target.versions.delete(v)
      secrets.set(key, target)
      return send(res, 200, {data: {created_time: time, custom_metadata: target.custom_metadata, deletion_time: '', destroyed: false, version: target.current}})
    }
    if (kind === 'data' && req.method === 'GET') {
      const version = url.searchParams.has('version') ? Number(url.searchParams.get('version')) : secret?.current
      const found = version === undefined ? undefined : secret?.versions.get(version)
      if (!secret || !found) return send(res, 404, {errors: []})
      const metadata = {created_time: found.created_time, custom_metadata: secret.custom_metadata, deletion_time: found.deletion_time, destroyed: found.destroyed, version}
      if (found.deletion_time || found.destroyed) return send(res, 404, {data: {data: null, metadata}})
      return send(res, 200, {data: {data: found.data, metadata}})
    }
    if (kind === 'data' && req.method === 'DELETE') {
      if (secret) secret.versions.get(secret.current)!.deletion_time = now()
      return send(res, 204)
    }
    if (kind === 'metadata' && req.method === 'GET') {
      if (!secret) return send(res, 404, {errors: []})
      const versions = Object.fromEntries([...secret.versions].map(([n, v]) => [String(n), {created_time: v.created_time, deletion_time: v.deletion_time, destroyed: v.destroyed}]))
      return send(res, 200, {
        data: {
          cas_required: false,
          created_time: secret.created_time,
          current_version: secret.current,
          custom_metadata: secret.custom_metadata,
          delete_version_after: '0s',
          max_versions: secret.max_versions,
          oldest_version: Math.min(...secret.versions.keys()),
          updated_time: secret.updated_time,
          versions,
        },
      })
    }
    if (kind === 'metadata' && req.method === 'POST') {
      const time = now()
      const target: Secret = secret ?? {versions: new Map(), current: 0, created_time: time, updated_time: time, custom_metadata: null, max_versions: options.maxVersions ?? 10}
      if (body.custom_metadata !== undefined) target.custom_metadata = body.custom_metadata as Record<string, string>
      if (typeof body.max_versions === 'number' && body.max_versions > 0) target.max_versions = body.max_versions
      target.updated_time = time
      secrets.set(key, target)
      return send(res, 204)
    }
    if (kind === 'metadata' && req.method === 'DELETE') {
      secrets.delete(key)
      return send(res, 204)
    }
    return send(res, 405, {errors: ['unsupported operation']})
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  const result: Kv2TestServer = {
    address: `http://127.0.0.1:${port}`,
    token: options.token,
    get sealed() {
      return state.sealed
    },
    set sealed(value: boolean) {
      state.sealed = value
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return result
}
