import {createServer, request, type IncomingHttpHeaders, type Server} from 'node:http'
import {connect} from 'node:net'
import type {AddressInfo} from 'node:net'

/** What the stand-in upstream saw: one entry per request that reached it. */
export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** A real HTTP server on 127.0.0.1 standing in for a provider; counts every request it receives. */
export interface FakeUpstream {
  readonly url: string
  readonly seen: SeenRequest[]
  /** Connections accepted and requests begun (counted at their headers, before any body arrives). */
  readonly counts: {connections: number; requests: number}
  /** Lets a held SSE stream send its remaining events. */
  releaseStream(): void
  close(): Promise<void>
}

/** Starts the stand-in: `/v1/stream` holds an SSE stream after its first event until released; anything else echoes. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const seen: SeenRequest[] = []
  const counts = {connections: 0, requests: 0}
  let release: () => void = () => {}
  let released = new Promise<void>((r) => (release = r))
  const server: Server = createServer((req, res) => {
    counts.requests++
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body})
      // Never answers: for the broker's upstream timeout.
      if (req.url?.startsWith('/v1/hang')) return
      if (req.url?.startsWith('/v1/stream')) {
        res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache'})
        res.write('data: one\n\n')
        void released.then(() => {
          res.write('data: two\n\n')
          res.end('data: [DONE]\n\n')
        })
        return
      }
      res.writeHead(200, {'content-type': 'application/json'})
      res.end(JSON.stringify({ok: true, path: req.url}))
    })
  })
  server.on('connection', () => counts.connections++)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    counts,
    releaseStream: () => {
      release()
      released = new Promise<void>((r) => (release = r))
    },
    close: async () => {
      release()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** One HTTP call without keep-alive; resolves with status and body text. */
export function callBroker(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{status: number; body: string; headers: IncomingHttpHeaders}> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, {method, headers: {...headers, connection: 'close'}, agent: false}, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body: text, headers: res.headers}))
    })
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(body)
  })
}

/** Sends raw bytes (an absolute-URI request line, say) and returns what came back. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let out = ''
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')))
    socket.on('data', (d) => (out += d))
    socket.on('end', () => resolve(out))
    socket.on('close', () => resolve(out))
    socket.on('error', reject)
  })
}

/** Writes `text` and then nothing more; resolves with how long the server kept the connection open, or null after `giveUpMs`. */
export function holdRequestOpen(port: number, text: string, giveUpMs: number): Promise<{closedAfterMs: number | null; received: string}> {
  return new Promise((resolve) => {
    const started = Date.now()
    let received = ''
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({closedAfterMs: null, received})
    }, giveUpMs)
    socket.on('data', (d) => (received += d))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({closedAfterMs: Date.now() - started, received})
    })
  })
}
