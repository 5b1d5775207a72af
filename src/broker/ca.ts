import {createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject} from 'node:crypto'
import {chmodSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import {hostname, userInfo} from 'node:os'
import {isIP} from 'node:net'
import {join} from 'node:path'
import {createSecureContext, rootCertificates, type SecureContext} from 'node:tls'

import {UserError} from '../lib/errors.js'
import {bitString, boolean, explicit, implicit, objectId, octetString, sequence, set, smallInteger, time, unsignedInteger, utf8String} from '../lib/der.js'
import {createFileAtomic, writeFileAtomic} from '../vault/fs-safe.js'

/**
 * The forward proxy's local certificate authority: created on first use in OUTLOOP_HOME (ECDSA P-256, key
 * 0600), it mints a short-lived leaf for each host the proxy intercepts. Agents trust it through the CA
 * variables `outloop run` sets; nothing else on the machine does.
 */
export interface LocalCa {
  /** The CA certificate (public). */
  readonly certPem: string
  readonly certPath: string
  /** A TLS context answering as `host`, its leaf minted on first use and cached. */
  contextFor(host: string): SecureContext
  /** The leaf's PEM certificate and key for `host` (same cache). */
  leafFor(host: string): {cert: string; key: string}
}

const ECDSA_WITH_SHA256 = sequence(objectId('1.2.840.10045.4.3.2'))
const CA_DAYS = 3650
const LEAF_DAYS = 30
const DAY = 86_400_000

/** The CA of this OUTLOOP_HOME, made now when there is none. */
export function loadOrCreateLocalCa(home: string): LocalCa {
  const dir = join(home, 'proxy-ca')
  const keyPath = join(dir, 'ca-key.pem')
  const certPath = join(dir, 'ca.pem')
  mkdirSync(dir, {recursive: true, mode: 0o700})
  let keyPem: string
  try {
    keyPem = readFileSync(keyPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const made = makeCa()
    // Key first, by exclusive create: of two processes racing, one key wins, and only its maker writes the certificate.
    if (createFileAtomic(keyPath, made.keyPem)) {
      writeFileAtomic(certPath, made.certPem)
      chmodSync(certPath, 0o644)
    }
    keyPem = readFileSync(keyPath, 'utf8')
  }
  if ((statSync(keyPath).mode & 0o077) !== 0) throw new UserError(`${keyPath} can be read by other users.`, `chmod 600 ${keyPath}`)
  let key: KeyObject
  let certPem: string
  try {
    key = createPrivateKey(keyPem)
    certPem = readCertificate(certPath, key)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`The proxy's local CA in ${dir} is damaged.`, `Remove ${dir}: outloop makes a new CA on next use (agents started before then must be started again).`)
  }
  const caDer = Buffer.from(certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const issuer = subjectOf(caDer)
  const caKeyId = keyIdOf(createPublicKey(key))
  const leaves = new Map<string, {cert: string; key: string; context: SecureContext; until: number}>()
  const leaf = (host: string) => {
    const name = normalHost(host)
    const cached = leaves.get(name)
    if (cached && cached.until > Date.now()) return cached
    const made = makeLeaf(name, key, issuer, caKeyId)
    const entry = {...made, context: createSecureContext({cert: made.cert + certPem, key: made.key}), until: Date.now() + (LEAF_DAYS - 1) * DAY}
    if (leaves.size >= 1024) leaves.delete(leaves.keys().next().value!)
    leaves.set(name, entry)
    return entry
  }
  return {
    certPem,
    certPath,
    contextFor: (host) => leaf(host).context,
    leafFor: (host) => {
      const {cert, key: leafKey} = leaf(host)
      return {cert, key: leafKey}
    },
  }
}

/**
 * Writes a PEM bundle of the system's trusted roots followed by the outloop CA, for the runtimes that read
 * one file (OpenSSL's SSL_CERT_FILE, requests, curl, git). Public data only; returns the path.
 */
export function writeCaBundle(path: string, ca: LocalCa): string {
  let system = ''
  for (const candidate of ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem']) {
    try {
      system = readFileSync(candidate, 'utf8')
      break
    } catch {
      continue
    }
  }
  if (!system) system = rootCertificates.join('\n')
  writeFileAtomic(path, `${system.trimEnd()}\n${ca.certPem.trimEnd()}\n`)
  chmodSync(path, 0o644)
  return path
}

function readCertificate(path: string, key: KeyObject): string {
  const pem = readFileSync(path, 'utf8')
  if (!pem.includes('BEGIN CERTIFICATE')) throw new Error('not a certificate')
  // The certificate must be the key's: a swapped one would have agents trust someone else's CA.
  const cert = new X509Certificate(pem)
  if (!cert.checkPrivateKey(key)) throw new UserError(`${path} is not the certificate of the proxy CA's key.`, `Remove ${join(path, '..')}: outloop makes a new CA on next use.`)
  return pem
}

function makeCa(): {keyPem: string; certPem: string} {
  const {privateKey, publicKey} = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  let who = 'outloop'
  try {
    who = `${userInfo().username}@${hostname()}`
  } catch {
    // No user name (a container without passwd entries): the host alone.
  }
  const name = sequence(set(sequence(objectId('2.5.4.3'), utf8String('outloop local CA'))), set(sequence(objectId('2.5.4.10'), utf8String(who.slice(0, 64)))))
  const keyId = keyIdOf(publicKey)
  const extensions = [
    extension('2.5.29.19', true, sequence(boolean(true), smallInteger(0))),
    // keyCertSign and cRLSign: bits 5 and 6.
    extension('2.5.29.15', true, bitString(Buffer.from([0x06]), 1)),
    extension('2.5.29.14', false, octetString(keyId)),
  ]
  const cert = certificate({issuer: name, subject: name, publicKey, signer: privateKey, days: CA_DAYS, extensions})
  return {keyPem: privateKey.export({type: 'pkcs8', format: 'pem'}) as string, certPem: cert}
}

function makeLeaf(host: string, caKey: KeyObject, issuer: Buffer, caKeyId: Buffer): {cert: string; key: string} {
  const {privateKey, publicKey} = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  const ip = isIP(host)
  const altName = ip ? implicit(7, ipBytes(host)) : implicit(2, Buffer.from(host, 'ascii'))
  const subject = sequence(set(sequence(objectId('2.5.4.3'), utf8String(host))))
  const extensions = [
    extension('2.5.29.19', true, sequence()),
    // digitalSignature: bit 0.
    extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)),
    extension('2.5.29.37', false, sequence(objectId('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.17', false, sequence(altName)),
    extension('2.5.29.14', false, octetString(keyIdOf(publicKey))),
    extension('2.5.29.35', false, sequence(implicit(0, caKeyId))),
  ]
  const cert = certificate({issuer, subject, publicKey, signer: caKey, days: LEAF_DAYS, extensions})
  return {cert, key: privateKey.export({type: 'pkcs8', format: 'pem'}) as string}
}

function certificate(input: {issuer: Buffer; subject: Buffer; publicKey: KeyObject; signer: KeyObject; days: number; extensions: Buffer[]}): string {
  // Positive, 64 random bits and more (RFC 5280 allows up to 20 octets).
  const serial = randomBytes(16)
  serial[0] &= 0x7f
  const notBefore = new Date(Date.now() - 60 * 60_000)
  const notAfter = new Date(Date.now() + input.days * DAY)
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    ECDSA_WITH_SHA256,
    input.issuer,
    sequence(time(notBefore), time(notAfter)),
    input.subject,
    input.publicKey.export({type: 'spki', format: 'der'}),
    explicit(3, sequence(...input.extensions)),
  )
  const signature = sign('sha256', tbs, {key: input.signer, dsaEncoding: 'der'})
  const der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature))
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(objectId(oid), boolean(true), octetString(value)) : sequence(objectId(oid), octetString(value))
}

/** The SHA-1 of the public key's encoding: how RFC 5280 suggests key identifiers are made. */
function keyIdOf(publicKey: KeyObject): Buffer {
  return createHash('sha1').update(publicKey.export({type: 'spki', format: 'der'})).digest()
}

/** The subject Name of a DER certificate (the issuer of the leaves it signs), read by walking the TBS fields. */
function subjectOf(der: Buffer): Buffer {
  const read = (buf: Buffer, at: number): {start: number; end: number; content: number} => {
    let len = buf[at + 1]
    let content = at + 2
    if (len & 0x80) {
      const count = len & 0x7f
      len = 0
      for (let i = 0; i < count; i++) len = len * 256 + buf[at + 2 + i]
      content = at + 2 + count
    }
    return {start: at, content, end: content + len}
  }
  const cert = read(der, 0)
  const tbs = read(der, cert.content)
  let at = tbs.content
  const fields: Array<{start: number; end: number}> = []
  while (at < tbs.end && fields.length < 6) {
    const field = read(der, at)
    fields.push(field)
    at = field.end
  }
  // version [0], serial, signature algorithm, issuer, validity, subject.
  const subject = fields[5]
  return der.subarray(subject.start, subject.end)
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number))
  const [head, tail = ''] = ip.includes('::') ? ip.split('::') : [ip, '']
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t]
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]))
}

/** A host a leaf can name: lower-case LDH labels or an IP literal; never a wildcard. */
function normalHost(host: string): string {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (isIP(name)) return name
  if (name.length === 0 || name.length > 253 || !name.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) throw new UserError(`Can't make a certificate for ${JSON.stringify(host.slice(0, 64))}: not a host name.`)
  return name
}
