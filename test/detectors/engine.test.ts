import {fakeKeyFor} from '../helpers/fakes.js'
import {describe, expect, it} from 'vitest'
import {
  decodeJwt,
  detectInText,
  detectInValue,
  findTextAssignments,
  githubChecksumValid,
  normalizeSecretName,
  ruleById,
  scanTextForSecrets,
  shannonEntropy,
  type Detection,
} from '../../src/detectors/index.js'
import {fakeGithubToken} from '../../src/detectors/checksums.js'
import {fakeJwt} from '../../src/detectors/jwt.js'
import {buildKeywordScanner} from '../../src/detectors/keyword-scanner.js'
import {corruptChar} from '../../src/detectors/rules/build.js'
import {ALNUM, BASE64URL, HEX, randomString} from '../../src/lib/random.js'

const projectKey = (): string => `sk-proj-${randomString(BASE64URL, 60)}T3BlbkFJ${randomString(BASE64URL, 60)}`
const ids = (detections: readonly Detection[]): string[] => detections.map((d) => d.ruleId)

/** Every detection, sliced back out of the text it was found in. */
function found(text: string): Array<{ruleId: string; value: string; name: string | null}> {
  return detectInText(text).map((d) => ({ruleId: d.ruleId, value: text.slice(d.start, d.end), name: d.name}))
}

describe('decoys', () => {
  const placeholders = [
    'your-api-key-here',
    'sk-...',
    '<OPENAI_API_KEY>',
    'changeme',
    'xxxxxxxxxxxxxxxxxxxxxxxx',
    '************************',
    'aaaaaaaaaaaaaaaaaaaaaaaa',
    '1234567890abcdef12345678',
    'example-key-123',
    'dummy_token_value',
    'test-api-key',
    'sample_secret_value',
    'fake-token-for-tests',
    'placeholder',
    '${OPENAI_API_KEY}',
    '${env:OPENAI_API_KEY}',
    '$${OPENAI_API_KEY}',
    '$OPENAI_API_KEY',
    '%OPENAI_API_KEY%',
    'op://agency/acme-openai/credential',
    'outloop://acme/openai-api-key',
    'outloop://@client/openai-api-key',
    // Percent-encoded, as a form body or query string carries a placeholder.
    'outloop%3A%2F%2Facme%2Fopenai-api-key',
    'outloop%3a%2f%2f%40client%2Fopenai-api-key',
    'vault:secret/data/acme#openai',
    '${{ secrets.OPENAI_API_KEY }}',
    '{{ .Values.openai.apiKey }}',
    'sk-proj-****abcd',
    `sk-proj-${'*'.repeat(40)}${randomString(ALNUM, 4)}`,
    'sk-proj-your-project-key-here',
    `ghp_${'x'.repeat(36)}`,
    'https://api.openai.com/v1',
    '/etc/ssl/private/server.key',
    './secrets/openai.txt',
    'process.env.OPENAI_API_KEY',
    'ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]',
  ]
  const contexts = (value: string): string[] => [
    `OPENAI_API_KEY=${value}\n`,
    `{\n  "apiKey": "${value.replace(/"/g, '\\"')}"\n}\n`,
    `openai:\n  api_key: "${value.replace(/"/g, '\\"')}"\n`,
  ]

  it.each(placeholders)('reports nothing for %s in .env, JSON and YAML', (value) => {
    for (const text of contexts(value)) expect(found(text), text).toEqual([])
  })

  it('reports nothing for hashes, ids, integrity strings and images under non-secret names', () => {
    const uuid = `${randomString(HEX, 8)}-${randomString(HEX, 4)}-4${randomString(HEX, 3)}-a${randomString(HEX, 3)}-${randomString(HEX, 12)}`
    const texts = [
      `REQUEST_ID=${uuid}`,
      `COMMIT_SHA=${randomString(HEX, 40)}`,
      `"integrity": "sha512-${Buffer.from(randomString(ALNUM, 64)).toString('base64')}"`,
      `logo: "data:image/png;base64,${Buffer.from(randomString(ALNUM, 90)).toString('base64')}"`,
      `"resolved": "https://registry.npmjs.org/yaml/-/yaml-2.9.1.tgz"`,
      `TOKEN_URL=https://auth.acme.test/oauth/token`,
      `const token = await getToken()`,
      `password = request.form['password']`,
      // Prose and docstrings: a first word after a colon is not a value.
      `    api_key: Base64-encoded string of the key.`,
      `    credentials: oauth2client.client.OAuth2Credentials.`,
      // Identifiers, format strings, regular expressions and variables under secret names.
      `_CREDENTIALS_KEY = 'google_oauth2_credentials'`,
      `'secret': 'V1SecretProjection',`,
      `_FLOW_TOKEN = 'acme_oauth2_flow_{0}'`,
      `HEX_PAT = "[0-9A-Fa-f]{1,4}"`,
      `$PASSWORD = $Config->{password};`,
      // Lists and calls: a comma joins a name and a value only as a call's first two quoted arguments.
      `names = ['pwd$', 're$read', 'res$et']`,
      `attribute("HTTPPasswordMgr", "urllib2", "urllib.request")`,
      // Help text, and placeholders hidden in base64 or leetspeak.
      `  --prompt-for-password  Prompt for the password`,
      `"Authorization": "Basic ${Buffer.from('username:password').toString('base64')}"`,
      `self.master_password = 'P4ssw0rd'`,
    ]
    for (const text of texts) expect(found(text), text).toEqual([])
  })

  it('still reports a real key next to the placeholders', () => {
    const key = projectKey()
    const text = `OPENAI_API_KEY=your-api-key-here\nOPENAI_API_KEY_2=${key}\n`
    expect(found(text)).toEqual([{ruleId: 'openai-project-key', value: key, name: 'OPENAI_API_KEY_2'}])
  })
})

describe('offsets', () => {
  it('points at the secret exactly, across CRLF lines, quotes and non-ASCII text', () => {
    const openai = projectKey()
    const stripe = `sk_live_${randomString(ALNUM, 99)}`
    const slack = `xoxb-${randomString('123456789', 12)}-${randomString('123456789', 13)}-${randomString(ALNUM, 24)}`
    const text = `# Clés du client — “acme” ✓\r\nOPENAI_API_KEY="${openai}"\r\n\r\nstripe: '${stripe}'\r\nnotes: slack bot is ${slack}, ask Ana\r\n`
    const detections = detectInText(text)
    expect(detections.map((d) => [d.ruleId, text.slice(d.start, d.end)])).toEqual([
      ['openai-project-key', openai],
      ['stripe-secret-key', stripe],
      ['slack-bot-token', slack],
    ])
  })

  it('finds a key deep inside a minified line longer than the line cap', () => {
    const key = projectKey()
    const filler = 'var a=1;'.repeat(20000)
    const text = `${filler}const k="${key}";${filler}\nnext line`
    const detections = detectInText(text)
    expect(detections).toHaveLength(1)
    expect(text.slice(detections[0].start, detections[0].end)).toBe(key)
  })
})

describe('overlapping candidates', () => {
  it('keeps the provider rule over the generic one on the same span', () => {
    const key = projectKey()
    expect(ids(detectInText(`OPENAI_API_KEY=${key}`))).toEqual(['openai-project-key'])
    const generic = randomString(ALNUM, 40)
    expect(ids(detectInText(`ACME_CRM_API_KEY=${generic}`))).toEqual(['generic-api-key'])
  })

  it('keeps the Supabase rule over the JWT rule, and never returns two overlapping detections', () => {
    const serviceRole = fakeJwt({iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1, exp: 2082758400})
    const text = [
      `SUPABASE_SERVICE_ROLE_KEY=${serviceRole}`,
      `DATABASE_URL=postgres://app:${randomString(ALNUM, 20)}@db.acme.internal/app`,
      `Authorization: Bearer ${fakeJwt({sub: 'svc', iat: 1})}`,
      `GITHUB_TOKEN=${fakeGithubToken('ghp')}`,
    ].join('\n')
    const detections = detectInText(text)
    expect(ids(detections)).toEqual(['supabase-service-role-key', 'connection-uri-password', 'jwt', 'github-pat'])
    for (let i = 1; i < detections.length; i++) expect(detections[i].start).toBeGreaterThanOrEqual(detections[i - 1].end)
  })
})

describe('names', () => {
  const key = (): string => randomString(ALNUM, 32) + '7Q'
  it.each([
    ['ACME_API_KEY=@@', 'ACME_API_KEY'],
    ['export ACME_API_KEY="@@"', 'ACME_API_KEY'],
    ['ACME_API_KEY: @@', 'ACME_API_KEY'],
    ['  "acmeApiKey": "@@",', 'acmeApiKey'],
    ["acme_api_key = '@@'", 'acme_api_key'],
    ['const acmeApiKey: string = "@@"', 'acmeApiKey'],
    ['acmeToken := "@@"', 'acmeToken'],
    ['"acme_token" => "@@"', 'acme_token'],
    ['System.setProperty("ACME_TOKEN", "@@")', 'ACME_TOKEN'],
    ['os.getenv("ACME_TOKEN", "@@")', 'ACME_TOKEN'],
    ['acme-cli deploy --api-key @@ --region eu', 'api-key'],
    ['acme-cli deploy --api-key=@@', 'api-key'],
    ['headers: {"Authorization": "Bearer @@"}', 'Authorization'],
    ['requests.get(url, headers={"X-Api-Key": "@@"})', 'X-Api-Key'],
    ['<apiToken>@@</apiToken>', 'apiToken'],
    ['<apiToken>\n    @@\n</apiToken>', 'apiToken'],
    ['<add key="ApiSecret" value="@@" />', 'ApiSecret'],
  ])('reads the name in %s', (template, name) => {
    const secret = key()
    const text = template.replace('@@', secret)
    expect(found(text)).toEqual([{ruleId: 'generic-api-key', value: secret, name}])
  })

  it('reads the header name in a curl command line', () => {
    const secret = key()
    for (const header of ['Authorization: Bearer', 'X-Api-Key:']) {
      const text = `curl -H "${header} ${secret}" https://api.acme.test`
      const detections = found(text)
      expect(detections.map((d) => [d.value, d.name])).toEqual([[secret, header.split(':')[0]]])
    }
  })

  it('names a shape-found key after the assignment that holds it', () => {
    const token = fakeGithubToken('ghp')
    expect(found(`  "githubToken": "${token}"`)).toEqual([{ruleId: 'github-pat', value: token, name: 'githubToken'}])
    expect(found(`see ${token} for the bot`)).toEqual([{ruleId: 'github-pat', value: token, name: null}])
  })

  it('splits names the way people write them', () => {
    expect(normalizeSecretName('openaiApiKey_token')).toBe('openai_api_key_token')
    expect(normalizeSecretName('OPENAI-API-KEY')).toBe('openai_api_key')
    expect(normalizeSecretName('$AWSSecretKey')).toBe('aws_secret_key')
    expect(findTextAssignments('A=1 B="two"').map((a) => a.name)).toEqual(['A', 'B'])
  })

  it('runs a name rule only under its names', () => {
    const mistral = randomString(ALNUM, 32)
    expect(ids(detectInText(`MISTRAL_API_KEY=${mistral}`))).toEqual(['mistral-api-key'])
    expect(ids(detectInText(`MISTRAL_MODEL=${mistral}`))).toEqual([])
  })
})

describe('detectInValue', () => {
  it('returns offsets relative to the value and keeps the given name', () => {
    const key = projectKey()
    expect(detectInValue(key, 'OPENAI_API_KEY')).toEqual([{ruleId: 'openai-project-key', start: 0, end: key.length, name: 'OPENAI_API_KEY'}])
    expect(detectInValue(`  ${key}`, null)).toEqual([{ruleId: 'openai-project-key', start: 2, end: 2 + key.length, name: null}])
  })

  it('runs name rules on the value, after an auth scheme', () => {
    const mistral = randomString(ALNUM, 32)
    expect(detectInValue(mistral, 'MISTRAL_API_KEY')).toEqual([{ruleId: 'mistral-api-key', start: 0, end: 32, name: 'MISTRAL_API_KEY'}])
    expect(detectInValue(mistral, 'MISTRAL_MODEL')).toEqual([])
    expect(detectInValue(mistral, null)).toEqual([])
    const bearer = `Bearer ${randomString(ALNUM, 30)}9z`
    expect(detectInValue(bearer, 'Authorization')).toEqual([{ruleId: 'generic-api-key', start: 7, end: bearer.length, name: 'Authorization'}])
  })

  it('finds assignments inside a value (a command or an embedded .env)', () => {
    const key = randomString(ALNUM, 30) + '5x'
    const value = `docker run -e ACME_API_KEY=${key} acme/agent`
    const detections = detectInValue(value, 'command')
    expect(detections.map((d) => [d.ruleId, value.slice(d.start, d.end), d.name])).toEqual([['generic-api-key', key, 'ACME_API_KEY']])
  })
})

describe('private keys', () => {
  const rule = ruleById('private-key')!
  it('spans the whole PEM block, in a file and JSON-escaped in a service-account file', () => {
    const pem = rule.fake()
    const text = `# deploy key\n${pem}\nrest of file\n`
    expect(found(text)).toEqual([{ruleId: 'private-key', value: pem, name: null}])
    const escaped = pem.replace(/\n/g, '\\n')
    const json = `{"type": "service_account", "private_key": "${escaped}\\n", "client_email": "x@y.iam.gserviceaccount.com"}`
    expect(found(json)).toEqual([{ruleId: 'private-key', value: escaped, name: 'private_key'}])
  })

  it('ignores blocks without key material and public keys', () => {
    expect(found('-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----')).toEqual([])
    expect(found(`-----BEGIN PUBLIC KEY-----\n${randomString(BASE64URL, 64)}\n-----END PUBLIC KEY-----`)).toEqual([])
  })
})

describe('structural checks', () => {
  it('accepts GitHub tokens with a valid checksum and rejects a corrupted one', () => {
    for (const prefix of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) {
      const token = fakeGithubToken(prefix)
      expect(githubChecksumValid(token)).toBe(true)
      const corrupted = corruptChar(token, 10)
      expect(githubChecksumValid(corrupted)).toBe(false)
      expect(ids(detectInText(`see ${token} here`))).toHaveLength(1)
      expect(ids(detectInText(`see ${corrupted} here`))).toEqual([])
    }
  })

  it('splits Supabase JWTs by role: service_role is critical, anon is low, others are plain JWTs', () => {
    const jwt = (role: string): string => fakeJwt({iss: 'supabase', ref: 'abcdefghijklmnopqrst', role, iat: 1, exp: 2082758400})
    expect(ids(detectInText(`KEY=${jwt('service_role')}`))).toEqual(['supabase-service-role-key'])
    expect(ids(detectInText(`KEY=${jwt('anon')}`))).toEqual(['supabase-anon-key'])
    expect(ids(detectInText(`KEY=${jwt('authenticated')}`))).toEqual(['jwt'])
    expect(ruleById('supabase-service-role-key')!.severity).toBe('critical')
    expect(ruleById('supabase-anon-key')!.severity).toBe('low')
    expect(decodeJwt(jwt('anon'))?.payload.role).toBe('anon')
    expect(decodeJwt('eyJhbGciOi.not-json.sig')).toBeNull()
  })

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0)
    expect(shannonEntropy('aaaa')).toBe(0)
    expect(shannonEntropy('abcd')).toBe(2)
    expect(shannonEntropy(randomString(HEX, 4096))).toBeGreaterThan(3.9)
  })

  it('takes the password out of a connection URI, not a placeholder or a default', () => {
    const password = randomString(ALNUM, 18)
    expect(found(`DATABASE_URL=postgresql://app:${password}@db:5432/app`)).toEqual([
      {ruleId: 'connection-uri-password', value: password, name: 'DATABASE_URL'},
    ])
    expect(found('DATABASE_URL=postgresql://app:${DB_PASSWORD}@db:5432/app')).toEqual([])
    expect(found('DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app')).toEqual([])
  })
})

describe('keyword scanner', () => {
  it('finds every occurrence of every keyword, case-insensitively and overlapping, like a naive search', () => {
    const keywords = ['sk', 'sk-proj-', 'key', 'keys', 'bot', 't3blbkfj', 'q~', 'pat-na']
    const scanner = buildKeywordScanner(keywords)!
    const alphabet = 'skKeyYboOTtpPa-3BlLjJfF~qQn_ \n'
    for (let round = 0; round < 50; round++) {
      const text = randomString(alphabet, 400) + 'Sk-Proj-KEYS…ébOT3BlbkFJq~'
      const expected: string[] = []
      const lower = text.toLowerCase()
      keywords.forEach((keyword, index) => {
        for (let i = lower.indexOf(keyword); i !== -1; i = lower.indexOf(keyword, i + 1)) expected.push(`${i}:${index}`)
      })
      const actual: string[] = []
      scanner.scan(text, (start, index) => actual.push(`${start}:${index}`))
      expect(actual.sort()).toEqual(expected.sort())
    }
  })

  it('finds the same in bytes, through WebAssembly and through JavaScript, as in the text, across chunk boundaries', () => {
    const keywords = ['sk', 'sk-proj-', 'key', 'keys', 'bot', 't3blbkfj', 'q~', 'pat-na']
    const wasm = buildKeywordScanner(keywords)!
    const js = buildKeywordScanner(keywords, {wasm: false})!
    const alphabet = 'skKeyYboOTtpPa-3BlLjJfF~qQn_ \n\u00ff'
    // 64 KB chunks: keywords planted across the first boundaries, and short texts around two characters.
    const lengths = [0, 1, 2, 3, 5, 400, 65534, 65536, 65537, 140000]
    for (const length of lengths) {
      let text = randomString(alphabet, length)
      for (const at of [65533, 65534, 65535, 65536, 131070, 131071]) if (at + 8 <= text.length) text = text.slice(0, at) + 'sK-pRoj-' + text.slice(at + 8)
      // U+00FF stands for a byte that is not ASCII: one byte, one character, as a stray byte decoded to U+FFFD.
      const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0))
      const expected: string[] = []
      js.scan(text, (start, index) => expected.push(`${start}:${index}`))
      for (const scanner of [wasm, js]) {
        const actual: string[] = []
        scanner.scan(text, (start, index) => actual.push(`${start}:${index}`), bytes)
        expect(actual).toEqual(expected)
      }
    }
  })

  it('refuses keywords it cannot table (one character, non-ASCII, upper case)', () => {
    expect(buildKeywordScanner(['k'])).toBeNull()
    expect(buildKeywordScanner(['clé'])).toBeNull()
    expect(buildKeywordScanner(['Key'])).toBeNull()
  })
})

describe('case-exact keywords', () => {
  it('do not wake the pre-filter on lower-case look-alikes in UUIDs and hashes', () => {
    const uuids = Array.from({length: 50}, (_, i) => `{"id": "2f0c${String(i).padStart(2, '0')}a3-8f0e-4bia-9a55-2f3b1cakia"}`).join('\n')
    expect(scanTextForSecrets(uuids).keywordHits).toBe(0)
  })

  it('still find the key in its exact case', () => {
    const key = fakeKeyFor('aws-access-key-id')
    const result = scanTextForSecrets(`aws_access_key_id = ${key}\n`)
    expect(result.keywordHits).toBeGreaterThan(0)
    expect(result.detections.map((d) => d.ruleId)).toContain('aws-access-key-id')
  })
})

describe('template tokens and references', () => {
  it.each([
    'SLACK_BOT_TOKEN=@@slack-bot-token:SLACK@@',
    'api_key: "@API_KEY@"',
    'curl -u "acme:@@github-pat:GH@@" https://registry.acme.example/v2/',
    'curl -u "outloop://acme/registry" https://registry.acme.example/v2/',
    'curl -u "outloop://@client/registry" https://registry.acme.example/v2/',
    'curl -H "Authorization: Bearer outloop://@client/openai-api-key" https://api.openai.com/v1/models',
    'OPENAI_API_KEY=outloop://@client/openai-api-key',
  ])('report nothing for %s', (text) => {
    expect(detectInText(text)).toEqual([])
  })

  it('still report a real key beside a template token', () => {
    const key = fakeKeyFor('github-pat')
    expect(detectInText(`A=@@x@@\nGITHUB_TOKEN=${key}\n`).map((d) => d.ruleId)).toEqual(['github-pat'])
  })
})
