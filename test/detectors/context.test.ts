import {describe, expect, it} from 'vitest'

import {BASE64, BASE64URL, randomString} from '../../src/lib/random.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {fakeKeyFor} from '../helpers/fakes.js'

const rules = (relPath: string, text: string) => scanFileText(relPath, text).findings.map((f) => `${f.line} ${f.ruleId}`)

/** A 40-character secret as AWS issues them: base64 letters, mixed case, digits. */
function awsSecret(): string {
  for (;;) {
    const secret = randomString(BASE64, 40)
    if (/[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret)) return secret
  }
}

describe("a key's neighbourhood", () => {
  it('finds an AWS secret standing alone near its key id in notes, and not without the id', () => {
    const id = fakeKeyFor('aws-access-key-id')
    const secret = awsSecret()
    expect(rules('notes/aws.txt', `prod account\n${id}\n${secret}\n`)).toEqual(['2 aws-access-key-id', '3 aws-secret-access-key'])
    expect(rules('notes/aws.txt', `secret first:\n${secret}\nthen the id: ${id}\n`)).toEqual(['2 aws-secret-access-key', '3 aws-access-key-id'])
    // Too far from the id, or no id at all: a 40-character token is not enough to call it AWS's.
    expect(rules('notes/aws.txt', `${id}\n\n\n\n\n${secret}\n`)).toEqual(['1 aws-access-key-id'])
    expect(rules('notes/aws.txt', `prod account\n${secret}\n`)).toEqual([])
    // Near the id, but a hex digest, a path, or part of a longer token: none of them is a secret.
    const hex = randomString('0123456789abcdef', 40)
    expect(rules('notes/aws.txt', `${id}\ncommit ${hex}\n/usr/local/share/applications/defaults/x.list\n${randomString(BASE64, 60)}\n`)).toEqual(['1 aws-access-key-id'])
  })

  it("drops a Google browser key inside a Firebase web config, and keeps one anywhere else", () => {
    const key = `AIza${randomString(BASE64URL, 35)}`
    const config = `const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "demo-app.firebaseapp.com",\n  projectId: "demo-app",\n  storageBucket: "demo-app.appspot.com",\n};\n`
    expect(rules('web/src/firebase.js', config)).toEqual([])
    expect(rules('web/src/gemini.js', `const gemini = new Client({apiKey: "${key}"})\n`)).toEqual(['1 google-api-key'])
    // One marker is not a Firebase config.
    expect(rules('web/src/maps.js', `const cfg = {apiKey: "${key}", projectId: "demo-app"}\n`)).toEqual(['1 google-api-key'])
  })
})
