/** A call_api request, checked and ready to send to the broker as /<service><path>. */
export interface BrokerCall {
  readonly service: string
  readonly method: string
  readonly path: string
  /** Without the leading "?"; empty for none. */
  readonly query: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Buffer | null
}

export type CallArgumentsCheck = {ok: true; call: BrokerCall} | {ok: false; message: string}

const ALLOWED_ARGUMENTS = new Set(['service', 'method', 'path', 'query', 'headers', 'body'])
const SERVICE_NAME = /^[a-z0-9][a-z0-9._-]*$/
const METHOD = /^[A-Z]{1,16}$/
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/
const UNSAFE_IN_HEADER = /[\r\n\0]/
// The session is this server's to send, the framing is the HTTP client's, and the encoding stays identity so a
// body can be masked: none of them is the caller's to set.
const RESERVED_HEADERS = new Set(['x-outloop-session', 'host', 'connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'content-length', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'accept-encoding', 'expect'])
const MAX_PATH = 4096
const MAX_BODY = 10 * 1024 * 1024

/**
 * Checks call_api's arguments. Only the six documented arguments are accepted: the client (tenant) is fixed
 * when `outloop mcp` starts, and an argument naming a tenant, a workspace or a session is refused rather than
 * ignored, so a caller learns that it does not work.
 */
export function checkCallArguments(args: Record<string, unknown> | undefined, tenant: string): CallArgumentsCheck {
  const given = args ?? {}
  const unknown = Object.keys(given).filter((name) => !ALLOWED_ARGUMENTS.has(name))
  if (unknown.length > 0) return fail(`Unknown argument${unknown.length === 1 ? '' : 's'}: ${unknown.map((n) => JSON.stringify(n)).join(', ')}. call_api takes service, method, path, query, headers and body; the client is fixed when outloop mcp starts (${tenant}), and no argument changes it.`)
  const {service, method, path, query, headers, body} = given
  if (typeof service !== 'string' || !SERVICE_NAME.test(service)) return fail('service must be a service name from list_services (lower-case letters, digits, ".", "_" or "-").')
  if (typeof method !== 'string' || !METHOD.test(method.toUpperCase())) return fail('method must be an HTTP method such as GET or POST.')
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return fail('path must start with "/" (the path after the service, e.g. /v1/models).')
  if (path.length > MAX_PATH) return fail(`path is longer than ${MAX_PATH} characters.`)
  if (/[?#\s\0]/.test(path)) return fail('path may not hold "?", "#" or whitespace: give query parameters in query.')
  const queryText = encodeQuery(query)
  if (queryText === null) return fail('query must be an object of names to strings, numbers, booleans or lists of them, or a query string without "?".')
  if (/[^\x21-\x7e]|#/.test(queryText)) return fail('A query string must be percent-encoded (no spaces, "#" or other characters outside printable ASCII); or give query as an object.')
  const headerList: Array<[string, string]> = []
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return fail('headers must be an object of header names to strings.')
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (!HEADER_NAME.test(name)) return fail(`${JSON.stringify(name.slice(0, 64))} is not a valid header name.`)
      if (RESERVED_HEADERS.has(name.toLowerCase())) return fail(`The ${name.toLowerCase()} header is set by outloop mcp, not by the caller.`)
      if (typeof value !== 'string' && typeof value !== 'number') return fail(`The ${name} header must be a string.`)
      if (UNSAFE_IN_HEADER.test(String(value))) return fail(`The ${name} header may not hold line breaks or NUL.`)
      headerList.push([name, String(value)])
    }
  }
  let bytes: Buffer | null = null
  if (body !== undefined) {
    // A string is sent as it is; anything else is JSON, labelled so unless the caller says otherwise.
    if (typeof body === 'string') bytes = Buffer.from(body, 'utf8')
    else {
      bytes = Buffer.from(JSON.stringify(body), 'utf8')
      if (!headerList.some(([name]) => name.toLowerCase() === 'content-type')) headerList.push(['content-type', 'application/json'])
    }
    if (bytes.length > MAX_BODY) return fail(`body is over ${MAX_BODY / 1024 / 1024} MB.`)
  }
  return {ok: true, call: {service, method: method.toUpperCase(), path, query: queryText, headers: headerList, body: bytes}}
}

/** Whether a method only reads (the annotations call every other one a write). */
export function isReadOnlyMethod(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}

function encodeQuery(query: unknown): string | null {
  if (query === undefined || query === null) return ''
  if (typeof query === 'string') return query.startsWith('?') ? query.slice(1) : query
  if (typeof query !== 'object' || Array.isArray(query)) return null
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') return null
      params.append(name, String(item))
    }
  }
  return params.toString()
}

function fail(message: string): CallArgumentsCheck {
  return {ok: false, message}
}
