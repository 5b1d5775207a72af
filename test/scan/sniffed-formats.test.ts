import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {scanTree} from '../../src/services/scan.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'

/**
 * Files whose names say nothing still get the format their content is: base64-wrapped keys in Docker `auths`
 * and Kubernetes Secrets are decoded, a netrc's passwords read by position. The keys below are only in base64
 * (or in a position no line rule reads), so a scan that routes by name alone finds none of them.
 */
describe('formats sniffed by content', () => {
  it('decodes the keys in a Docker auths backup, a Secret kept as notes, and finds a netrc under any name', async () => {
    const tmp = makeTempDir('outloop-sniff-')
    try {
      const root = join(tmp.dir, 'clients')
      const acme = join(root, 'acme')
      mkdirSync(acme, {recursive: true})
      const {key: github, rule: githubRule} = fakeKeyOf('GitHub')
      const {key: openai, rule: openaiRule} = fakeKeyOf('OpenAI')
      const anthropic = fakeKeyOf('Anthropic').key
      const b64 = (text: string) => Buffer.from(text).toString('base64')
      writeFileSync(join(acme, 'backup-2024.json'), JSON.stringify({auths: {'ghcr.io': {auth: b64(`deploy:${github}`)}}}, null, 2))
      writeFileSync(join(acme, 'notes.txt'), `apiVersion: v1\nkind: Secret\nmetadata:\n  name: llm\ndata:\n  OPENAI_API_KEY: ${b64(openai)}\n`)
      writeFileSync(join(acme, 'case1.txt'), `machine api.anthropic.com\n  login acme\n  password ${b64(anthropic)}\n`)
      // Control: prose that only mentions the words is not sniffed into anything (and holds no key).
      writeFileSync(join(acme, 'readme.txt'), 'ask ops for the kind: Secret manifest\nthe machine has no password\n')

      const report = await scanTree({root, home: join(tmp.dir, 'state'), threads: 1})
      const found = report.findings.map((f) => `${f.file} ${f.rule}`).sort()
      // The netrc password is read by its position (generic-password): base64 or not, no line rule sees it.
      expect(found).toEqual([`acme/backup-2024.json ${githubRule}`, 'acme/case1.txt generic-password', `acme/notes.txt ${openaiRule}`])
      expectNoSecrets(JSON.stringify(report), [github, openai, anthropic])
    } finally {
      tmp.cleanup()
    }
  })
})
