import {describe, expect, it} from 'vitest'

import {detectInText, detectInValue} from '../../src/detectors/engine.js'
import {RULES, ruleById} from '../../src/detectors/registry.js'
import {providerName} from '../../src/detectors/rules/build.js'

/** A rule of the registry by id; throws on a typo so a test never runs against nothing. */
function ruleNamed(id: string) {
  const found = ruleById(id)
  if (!found) throw new Error(`no rule ${id}`)
  return found
}

describe('name rules', () => {
  it('recognise the provider as a word of the name, in any case or style', () => {
    const datadog = providerName('datadog')
    for (const name of ['DATADOG_API_KEY', 'datadogApiKey', 'myDatadogKey', 'datadog.api_key', 'DatadogToken']) {
      expect(datadog.test(name), name).toBe(true)
    }
  })

  it('do not take the provider word out of a longer word', () => {
    expect(providerName('meraki').test('ReactNativeCameraKit')).toBe(false)
    expect(providerName('etsy').test('setSysctl')).toBe(false)
    expect(providerName('okta').test('rookTable')).toBe(false)
    expect(providerName('sumo(?:[_.-]?logic)?').test('sumObj')).toBe(false)
  })

  it('find a named value handed over by a format parser', () => {
    const rule = ruleNamed('zendesk-secret-key')
    const value = rule.fake()
    const found = detectInValue(value, 'zendesk_api_token', RULES)
    expect(found.map((d) => d.ruleId)).toContain('zendesk-secret-key')
    expect(detectInValue(value, 'unrelated', [rule])).toEqual([])
  })
})

describe('multi-line rules', () => {
  it('find a Kubernetes Secret value whichever comes first, kind or data', () => {
    const rule = ruleNamed('kubernetes-secret-data')
    const value = rule.fake()
    const dataFirst = `apiVersion: v1\ndata:\n  # base64\n  password: ${value}\nkind: Secret\n`
    const kindFirst = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  .dockercfg: |\n    ${value}\n`
    for (const text of [dataFirst, kindFirst]) {
      const [detection] = detectInText(text, [rule])
      expect(detection && text.slice(detection.start, detection.end)).toBe(value)
    }
  })

  it('do not take a Secret kind from another YAML document', () => {
    const rule = ruleNamed('kubernetes-secret-data')
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${rule.fake()}\n`
    expect(detectInText(text, [rule])).toEqual([])
  })

  it('follow a curl command over continuation lines', () => {
    const rule = ruleNamed('curl-user-password')
    const pair = rule.fake()
    const text = `curl -X POST https://example.net \\\n  -H 'Accept: */*' \\\n  -u ${pair}\n`
    const [detection] = detectInText(text, [rule])
    expect(detection && text.slice(detection.start, detection.end)).toBe(pair)
    expect(detectInText(`curl https://example.net\nnc -u ${pair}\n`, [rule])).toEqual([])
  })
})
