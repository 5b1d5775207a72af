import {describe, expect, it} from 'vitest'
import {detectInText, RULES, ruleById, type Rule} from '../../src/detectors/index.js'
import {resolveOverlaps, rulePriority, type OverlapCandidate} from '../../src/detectors/overlaps.js'
import {mergeOverlappingDetections, scanFileText} from '../../src/scan/file-scan.js'
import {ALNUM, DIGITS, LOWER, randomString} from '../../src/lib/random.js'
import {fakeKeyFor} from '../helpers/fakes.js'

/*
 * One ranking for overlapping detections (src/detectors/overlaps.ts): rule priority (provider shape > provider
 * name rule > jwt > curl header > generic), then named over unnamed, then longer over shorter. The engine's
 * passes and the file scan's merge must both follow it; each case runs through both resolvers in both input
 * orders, so a resolver that ranks on its own again fails here.
 */

const providerShape = RULES.find((r) => !r.names && !r.multiline && r.provider !== 'Generic' && rulePriority(r) === 3)!.id
const providerName = RULES.find((r) => r.names && !r.id.startsWith('generic-'))!.id

const c = (ruleId: string, start: number, end: number, name: string | null = null): OverlapCandidate => ({ruleId, start, end, name})

interface RankingCase {
  readonly title: string
  readonly candidates: readonly OverlapCandidate[]
  /** What survives, as `ruleId@start-end:name`. */
  readonly kept: readonly string[]
}

const cases: readonly RankingCase[] = [
  {title: 'a provider rule beats a generic one on the same bytes', candidates: [c('generic-api-key', 10, 50, 'API_KEY'), c(providerShape, 10, 50)], kept: [`${providerShape}@10-50:API_KEY`]},
  {title: 'a provider rule beats a longer generic one', candidates: [c('generic-password', 4, 60, 'password'), c(providerShape, 10, 50)], kept: [`${providerShape}@10-50:password`]},
  {title: "a provider's own shape beats its name rule", candidates: [c(providerName, 0, 40, 'X_KEY'), c(providerShape, 0, 40, 'X_KEY')], kept: [`${providerShape}@0-40:X_KEY`]},
  {title: 'a provider name rule beats a bare JWT, named or not', candidates: [c('jwt', 0, 120), c(providerName, 0, 120, 'svc_key')], kept: [`${providerName}@0-120:svc_key`]},
  {title: 'a bare JWT beats a whole curl header', candidates: [c('curl-auth-header', 0, 120), c('jwt', 0, 120)], kept: ['jwt@0-120:null']},
  {title: 'a curl header beats the generic rules', candidates: [c('generic-api-key', 0, 30, 'h'), c('curl-auth-header', 0, 30)], kept: ['curl-auth-header@0-30:h']},
  {title: 'named beats unnamed under the same rule', candidates: [c(providerShape, 0, 40), c(providerShape, 0, 40, 'TOKEN')], kept: [`${providerShape}@0-40:TOKEN`]},
  {title: 'named beats unnamed before length counts', candidates: [c('generic-api-key', 0, 50), c('generic-password', 5, 40, 'pw')], kept: ['generic-password@5-40:pw']},
  {title: 'longer beats shorter when rank and name agree', candidates: [c('generic-password', 5, 20, 'a'), c('generic-api-key', 0, 40, 'b')], kept: ['generic-api-key@0-40:b']},
  {title: 'earlier beats later when all else ties', candidates: [c('generic-api-key', 8, 28, 'b'), c('generic-api-key', 0, 20, 'a')], kept: ['generic-api-key@0-20:a']},
  {
    title: 'a pair member (a name rule found by its anchor) beats a generic detection of its bytes',
    candidates: [c('generic-api-key', 100, 140, 'secret'), c('aws-secret-access-key', 100, 140)],
    kept: ['aws-secret-access-key@100-140:secret'],
  },
  {
    title: 'two provider keys inside one generic value are both kept',
    candidates: [c('generic-api-key', 0, 100, 'cfg'), c(providerShape, 5, 40), c(providerShape, 50, 90)],
    kept: [`${providerShape}@5-40:cfg`, `${providerShape}@50-90:cfg`],
  },
  {title: 'bytes that do not overlap are not compared', candidates: [c('generic-api-key', 0, 10, 'a'), c(providerShape, 10, 20)], kept: ['generic-api-key@0-10:a', `${providerShape}@10-20:null`]},
]

const show = (kept: readonly OverlapCandidate[]): string[] => kept.map((k) => `${k.ruleId}@${k.start}-${k.end}:${k.name}`)
const engineResolver = (candidates: readonly OverlapCandidate[]): OverlapCandidate[] =>
  resolveOverlaps(candidates, (x) => rulePriority(ruleById(x.ruleId)), (x, name) => ({...x, name}))

describe('the overlap ranking', () => {
  it('uses rules that exist, with the priorities the order names', () => {
    expect(rulePriority(ruleById(providerShape))).toBe(3)
    expect(rulePriority(ruleById(providerName))).toBe(2)
    expect(rulePriority(ruleById('aws-secret-access-key'))).toBe(2)
    expect(rulePriority(ruleById('jwt'))).toBe(1)
    expect(rulePriority(ruleById('curl-auth-header'))).toBe(0.5)
    expect(rulePriority(ruleById('generic-api-key'))).toBe(0)
    expect(rulePriority(undefined)).toBe(0)
  })

  for (const testCase of cases) {
    it(`${testCase.title}, in the engine's resolver and the file scan's alike`, () => {
      for (const order of [testCase.candidates, [...testCase.candidates].reverse()]) {
        expect(show(engineResolver(order))).toEqual(testCase.kept)
        expect(show(mergeOverlappingDetections(order))).toEqual(testCase.kept)
      }
    })
  }

  it('does not modify the candidates it is given', () => {
    const input = [c('generic-api-key', 0, 40, 'k'), c(providerShape, 0, 40)]
    const copy = input.map((x) => ({...x}))
    mergeOverlappingDetections(input)
    engineResolver(input)
    expect(input).toEqual(copy)
  })
})

/** Small rule sets, so the engine's own candidates meet in each ranking case. */
function rule(spec: Pick<Rule, 'id' | 'keywords' | 'pattern'> & Partial<Rule>): Rule {
  return {provider: 'Acme', description: 'test rule', severity: 'high', fake: () => '', examples: {matches: () => [], nonMatches: () => []}, ...spec}
}
const acmeShape = rule({id: 'acme-token', keywords: ['acme_'], pattern: /(?<![a-z0-9_])acme_[a-z0-9]{24}(?![a-z0-9])/})
const acmeLong = rule({id: 'acme-token-long', keywords: ['acme_'], pattern: /(?<![a-z0-9_])acme_[a-z0-9]{24}_[a-z0-9]{8}(?![a-z0-9])/})
const acmeNamed = rule({id: 'acme-named-key', keywords: ['acme'], names: /acme/i, pattern: /^(?<secret>[A-Za-z0-9_]{20,})$/})
const generic = rule({id: 'generic-api-key', keywords: ['key'], names: /key/i, pattern: /^(?<secret>[A-Za-z0-9_]{16,})$/})
const engineRules = [acmeLong, acmeNamed, acmeShape, generic]
const token = (): string => `acme_${randomString(LOWER + DIGITS, 24)}`

describe('the engine follows the same ranking', () => {
  it("a provider's shape beats its name rule and the generic rule on the same value", () => {
    const detections = detectInText(`ACME_KEY=${token()}`, engineRules)
    expect(detections.map((d) => [d.ruleId, d.name])).toEqual([['acme-token', 'ACME_KEY']])
  })

  it('a provider name rule beats the generic rule', () => {
    expect(detectInText(`ACME_KEY=${randomString(ALNUM, 32)}`, engineRules).map((d) => d.ruleId)).toEqual(['acme-named-key'])
  })

  it('the longer of two shapes of the same rank wins', () => {
    const text = `ACME_KEY=${token()}_${randomString(LOWER, 8)}`
    expect(detectInText(text, [acmeLong, acmeShape]).map((d) => [d.ruleId, d.end - d.start])).toEqual([['acme-token-long', 38]])
  })

  it('and the file scan keeps the provider rule whichever pass found it', () => {
    const key = fakeKeyFor('openai-project-key')
    for (const [path, text] of [
      ['.env', `API_KEY=${key}\n`],
      ['config.json', `{"apiKey": "${key}"}\n`],
      ['notes.txt', `the api key is ${key}\n`],
    ] as const) {
      const findings = scanFileText(path, text).findings
      expect(findings.map((f) => f.ruleId)).toEqual(['openai-project-key'])
      expect(findings.some((f) => f.preview.includes(key))).toBe(false)
    }
  })
})
