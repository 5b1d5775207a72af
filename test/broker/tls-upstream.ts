import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:https'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'

/** A CA and a server certificate for 127.0.0.1 made with openssl now: the loopback upstream's own TLS. */
export function makeUpstreamCertificates(dir: string): {ca: string; cert: string; key: string} {
  const run = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'})
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=upstream test CA')
  run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1')
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf')
  return {ca: join(dir, 'ca.pem'), cert: readFileSync(join(dir, 'server.pem'), 'utf8'), key: readFileSync(join(dir, 'server.key'), 'utf8')}
}

export interface SeenTls {
  method: string
  path: string
  authorization: string | undefined
  body: string
}

export interface TlsUpstream {
  readonly port: number
  readonly ca: string
  readonly seen: SeenTls[]
  close(): Promise<void>
}

const pkt = (line: string) => (line.length + 4).toString(16).padStart(4, '0') + line

/** A TLS upstream on 127.0.0.1 that records what it gets; it answers git's smart-HTTP ref advertisement too. */
export async function startTlsUpstream(dir: string): Promise<TlsUpstream> {
  const certs = makeUpstreamCertificates(dir)
  const seen: SeenTls[] = []
  const server: Server = createServer({cert: certs.cert, key: certs.key}, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8')})
      if ((req.url ?? '').includes('/info/refs?service=git-upload-pack')) {
        const sha = 'a'.repeat(40)
        res.writeHead(200, {'content-type': 'application/x-git-upload-pack-advertisement', 'cache-control': 'no-cache'})
        return res.end(`${pkt('# service=git-upload-pack\n')}0000${pkt(`${sha} HEAD\0agent=test\n`)}${pkt(`${sha} refs/heads/main\n`)}0000`)
      }
      res.writeHead(200, {'content-type': 'application/json'}).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {port: (server.address() as AddressInfo).port, ca: certs.ca, seen, close: () => new Promise((resolve) => server.close(() => resolve()))}
}
