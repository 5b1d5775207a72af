import {describe, expect, it} from 'vitest'
import {detectInText, detectInValue, ruleById, type Rule} from '../../src/detectors/index.js'
import {KEYWORD_NEAR} from '../../src/detectors/passes/pattern.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {BASE64URL, DIGITS, HEX, LOWER, randomString} from '../../src/lib/random.js'

/*
 * A shape rule gated by a provider word (the pattern is a bare shape, the keyword is not part of it) counts a
 * match only when the word is in the match, within KEYWORD_NEAR characters before it on its line, or in the
 * name of the assignment that holds it: not anywhere on a long line.
 */

const facebook = ruleById('facebook-access-token')!
const facebookToken = (): string => facebook.fake()
const prose = (length: number): string => {
  const words: string[] = []
  while (words.join(' ').length < length) words.push(randomString(LOWER, 3 + (words.length % 6)))
  return words.join(' ')
}
const ids = (text: string): string[] => detectInText(text).map((d) => d.ruleId)

/** A made-up provider whose keys are 32 hex digits: the shape means something only beside its name. */
const zorbix: Rule = {
  id: 'zorbix-api-key',
  provider: 'Zorbix',
  description: 'test rule',
  keywords: ['zorbix'],
  pattern: /(?<![0-9a-f])(?<secret>[0-9a-f]{32})(?![0-9a-f])/,
  severity: 'high',
  fake: () => randomString(HEX, 32),
  examples: {matches: () => [], nonMatches: () => []},
}
const zorbixIds = (text: string): string[] => detectInText(text, [zorbix]).map((d) => d.ruleId)

describe('keyword near the value', () => {
  it('the facebook rule relies on its keyword: its pattern does not hold it', () => {
    const token = facebookToken()
    expect(facebook.pattern.source.toLowerCase()).not.toContain('facebook')
    expect(ids(`facebook ${token}`)).toContain('facebook-access-token')
  })

  it('a long line with the keyword far from a shaped value reports nothing', () => {
    const token = facebookToken()
    const line = `Share on facebook, ${prose(200)} ${token} ${prose(40)}`
    expect(ids(line)).not.toContain('facebook-access-token')
    expect(zorbixIds(`zorbix integration notes: ${prose(120)} build ${randomString(HEX, 32)}`)).toEqual([])
  })

  it('a keyword after the value, or on another line, does not count', () => {
    expect(zorbixIds(`${randomString(HEX, 32)} is the hash; see the zorbix docs`)).toEqual([])
    expect(zorbixIds(`# zorbix\nchecksum ${randomString(HEX, 32)}\n`)).toEqual([])
  })

  it('on a line longer than the windows the engine cuts, the same holds', () => {
    const key = randomString(HEX, 32)
    expect(zorbixIds(`zorbix ${prose(700)} ${key} ${prose(5000)}`)).toEqual([])
    expect(zorbixIds(`${prose(5000)} zorbix key ${key} ${prose(200)}`)).toEqual(['zorbix-api-key'])
  })

  it('a keyword just before the value is reported', () => {
    const key = randomString(HEX, 32)
    const gap = ' '.repeat(KEYWORD_NEAR - 'zorbix'.length - 1)
    expect(zorbixIds(`zorbix:${gap}${key}`)).toEqual(['zorbix-api-key'])
    expect(zorbixIds(`${prose(300)} use the zorbix key ${key} for staging`)).toEqual(['zorbix-api-key'])
    expect(ids(`facebook app token: ${facebookToken()}`)).toContain('facebook-access-token')
  })

  it('a keyword in the assignment name is reported, however long the name', () => {
    const key = randomString(HEX, 32)
    const longName = `ZORBIX_${randomString(LOWER, 50).toUpperCase()}_KEY`
    expect(zorbixIds(`${longName} = "${key}"`)).toEqual(['zorbix-api-key'])
    expect(zorbixIds(`{"settings": {"zorbixApiKey": "${key}", "region": "${randomString(LOWER, 45)}"}}`)).toEqual(['zorbix-api-key'])
    const named = detectInText(`FACEBOOK_MARKETING_TEAM_PRODUCTION_APP_ACCESS_TOKEN = "${facebookToken()}"`)
    expect(named.map((d) => [d.ruleId, d.name])).toContainEqual(['facebook-access-token', 'FACEBOOK_MARKETING_TEAM_PRODUCTION_APP_ACCESS_TOKEN'])
  })

  it('a keyword in some other assignment of the line does not name the value', () => {
    const key = randomString(HEX, 32)
    expect(zorbixIds(`zorbix_region="${prose(50).replace(/ /g, '-')}" build_hash="${key}"`)).toEqual([])
  })

  it('the file scan agrees, and prints no value', () => {
    const token = facebookToken()
    const far = scanFileText('notes.md', `We post to facebook daily. ${prose(300)} ${token}\n`)
    expect(far.findings.map((f) => f.ruleId)).not.toContain('facebook-access-token')
    const near = scanFileText('.env', `FACEBOOK_APP_TOKEN=${token}\n`)
    expect(near.findings.map((f) => f.ruleId)).toEqual(['facebook-access-token'])
    expect(JSON.stringify(near.findings.map((f) => f.preview))).not.toContain(token)
  })

  it('rules whose pattern holds the keyword are unaffected by where else it is', () => {
    const aws = ruleById('aws-access-key-id')!
    expect(ids(`aws ${prose(300)} ${aws.fake()}`)).toContain('aws-access-key-id')
  })

  it('a value a parser named after the provider keeps the name rules it had', () => {
    const value = `${randomString(DIGITS, 16)}|${randomString(BASE64URL, 27)}`
    expect(detectInValue(`facebook ${value}`, null).map((d) => d.ruleId)).toContain('facebook-access-token')
    expect(detectInValue(value, null).map((d) => d.ruleId)).not.toContain('facebook-access-token')
  })
})
