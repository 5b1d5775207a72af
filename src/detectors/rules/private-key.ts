import type {Rule} from '../types.js'
import {randomBytesForFake} from '../../lib/random.js'
import {shannonEntropy} from '../entropy.js'

/**
 * A PEM or PGP private-key block; the body may be real lines or `\n` escapes inside a JSON string. The body
 * holds no run of five dashes, so a BEGIN without its END stops at the next marker instead of trying every
 * END further on (a file of BEGIN lines took minutes).
 */
const PRIVATE_KEY_BLOCK =
  /(?<secret>-----BEGIN (?<kind>(?:[A-Z0-9]+ )*)PRIVATE KEY(?<block> BLOCK)?-----(?:[A-Za-z0-9+/=\s:.,()@<>_']|-(?!----)|\\[rn])+?-----END \k<kind>PRIVATE KEY\k<block>-----)/

const HEADER_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset):.*$/gm

/** Whether the block carries real key material: enough high-entropy base64, no elision or placeholder. */
function hasKeyMaterial(block: string): boolean {
  const inner = block
    .replace(/^-----BEGIN [^-]+-----/, '')
    .replace(/-----END [^-]+-----$/, '')
    .replace(/\\[rn]/g, '\n')
    .replace(HEADER_LINE, '')
  // Elisions and placeholders; words like `your` need no check, as the body must be bare base64 below.
  if (/\.\.\.|\u2026|\*{3,}|<[^>]*>/.test(inner)) return false
  const body = inner.replace(/\s+/g, '')
  if (body.length < 40 || !/^[A-Za-z0-9+/=]+$/.test(body)) return false
  return shannonEntropy(body) >= 4.0 && new Set(body).size >= 20
}

function pemBlock(label: string, bytes: number): string {
  const lines = randomBytesForFake(bytes).toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`
}

export const PRIVATE_KEY_RULES: readonly Rule[] = [
  {
    id: 'private-key',
    provider: 'Private key',
    description: 'A PEM or PGP private key (RSA, EC, OpenSSH, PKCS#8, encrypted or not): signs or decrypts as its owner.',
    keywords: ['private key'],
    pattern: PRIVATE_KEY_BLOCK,
    multiline: true,
    verify: hasKeyMaterial,
    severity: 'critical',
    fake: () => pemBlock('PRIVATE KEY', 1190),
    examples: {
      matches: () => [
        pemBlock('RSA PRIVATE KEY', 1190) + '\n',
        `deploy:\n  key: |\n    ${pemBlock('OPENSSH PRIVATE KEY', 400).replace(/\n/g, '\n    ')}\n`,
        `{"type": "service_account", "private_key": "${pemBlock('PRIVATE KEY', 600).replace(/\n/g, '\\n')}\\n"}`,
        pemBlock('EC PRIVATE KEY', 120),
        pemBlock('PGP PRIVATE KEY BLOCK', 900),
        pemBlock('ENCRYPTED PRIVATE KEY', 600),
      ],
      nonMatches: () => [
        '-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
        pemBlock('PUBLIC KEY', 300),
        pemBlock('CERTIFICATE', 600),
        pemBlock('RSA PRIVATE KEY', 600).replace('-----END RSA', '-----END EC'),
      ],
    },
  },
]
