import {ALNUM, HEX} from '../../lib/random.js'
import type {Rule} from '../types.js'
import {randomKey, tokenRule} from './build.js'

/** Whether a Basic credential decodes to `user:password`, as RFC 7617 requires. */
function isBasicCredential(secret: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return false
  return Buffer.from(secret, 'base64').toString('latin1').includes(':')
}

/**
 * Whether a curl `user:password` pair holds a real password: one side at least 8 characters long with a digit,
 * a symbol or mixed case, and no template brackets (`test:test`, `user:pass`, `neo4j:[PASSWORD]` are not).
 */
function isLikelyPassword(pair: string): boolean {
  return pair.split(':').some((part) => {
    const value = part.replace(/^["']|["']$/g, '')
    if (value.length < 8 || /[[\]{}<>]/.test(value)) return false
    return /[0-9]/.test(value) || /[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))
  })
}

/**
 * Credentials on a curl command line (a header, `-u user:password`): not a provider's key format but a place
 * keys are pasted. Ranked below provider rules (`priority` 0.5), so a token with a shape of its own inside wins.
 */
export const CURL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'curl-auth-header',
    provider: 'curl',
    priority: 0.5,
    description: 'A credential in an Authorization or token header on a curl command line: copied into shell history and docs.',
    keywords: ['--header', '-h "', "-h '"],
    body:
      `(?:-H|--header)\\s*["'](?:authorization|proxy-authorization|api-token|api-key|apikey|x-api-key|x-auth-token|` +
      `x-access-token|private-token|token):\\s*(?!basic\\s)(?:(?:bearer|token|api-token)\\s+)?` +
      `(?<secret>[A-Za-z0-9+/=_.~@-]{8,})["']`,
    flags: 'i',
    before: '',
    after: '',
    entropy: 2.5,
    fake: () => randomKey(HEX, 40),
    wrap: [
      (key) => `curl -X GET -H "Authorization: Bearer ${key}" https://api.example.net/v1/items`,
      (key) => `curl --header 'X-Api-Key: ${key}' https://api.example.net/v1/items`,
    ],
    nonMatches: () => ['curl -H "Authorization: Bearer $API_TOKEN" https://api.example.net', 'curl -H "Authorization: Token <your token>"'],
  }),
  tokenRule({
    id: 'curl-basic-auth-header',
    provider: 'curl',
    priority: 0.5,
    description: 'A Basic credential (user and password) in an Authorization header on a curl command line.',
    keywords: ['--header', '-h "', "-h '"],
    body: `(?:-H|--header)\\s*["'](?:proxy-)?authorization:\\s*basic\\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})["']`,
    flags: 'i',
    before: '',
    after: '',
    verify: isBasicCredential,
    fake: () => Buffer.from(`deploy:${randomKey(ALNUM, 16)}`).toString('base64'),
    wrap: [(key) => `curl -H 'Authorization: Basic ${key}' https://ci.example.net/job`],
    nonMatches: () => [`curl -H "Authorization: Basic ${Buffer.from(randomKey(ALNUM, 18)).toString('base64')}"`],
  }),
  tokenRule({
    id: 'curl-user-password',
    provider: 'curl',
    priority: 0.5,
    description: 'A user and password given to curl with -u/--user: copied into shell history and docs.',
    keywords: ['curl'],
    body:
      `\\bcurl\\b(?:[^\\n\\\\]|\\\\[\\s\\S])*?\\s(?:-u|--user)[ \\t]*[ \\t=]["']?` +
      `(?<secret>[^\\s"':]*:["']?[^\\s"']*)`,
    multiline: true,
    before: '',
    after: '',
    // `$1:$2`, `$USER:$PASS`: a shell variable on either side means the value is supplied elsewhere.
    allow: [/^\$|:["']?\$/],
    verify: isLikelyPassword,
    fake: () => `deploy:${randomKey(ALNUM, 16)}`,
    wrap: [(pair) => `curl -s --user '${pair}' https://registry.example.net/v2/`, (pair) => `curl -X POST \\\n  -u ${pair} \\\n  https://example.net`],
    nonMatches: () => ['curl -u "$USER:$PASSWORD" https://example.net', 'curl --user "${NAME}:${PASS}"', 'nc -u -l 41234'],
  }),
]
