import {describe, expect, it} from 'vitest'
import {detectInText} from '../../src/detectors/index.js'
import {ALNUM, BASE64, BASE64URL, randomString} from '../../src/lib/random.js'

/*
 * What a key's own shape rules out, shown on Google's `AIza` + 35 characters: a run glued inside a longer blob,
 * a run longer than the format, the prefix in the wrong case, and low-information bodies (sequential alphabets,
 * one repeated character) are not keys. Each is checked bare, where only the shape can speak.
 */

const body = (): string => randomString(BASE64URL, 35)
const ruleIds = (text: string): string[] => detectInText(text).map((d) => d.ruleId)

describe('a key is its whole shape, not a run that looks like it', () => {
  it('finds a well-formed key bare, so the cases below can fail', () => {
    expect(ruleIds(`AIza${body()}`)).toEqual(['google-api-key'])
    expect(ruleIds(`see AIza${body()} for the staging project`)).toEqual(['google-api-key'])
  })

  it('not inside a longer base64 blob', () => {
    expect(ruleIds(`${randomString(BASE64, 60)}AIza${body()}${randomString(BASE64, 30)}`)).toEqual([])
    expect(ruleIds(`${randomString(ALNUM, 12)}AIza${body()}`)).toEqual([])
  })

  it('not longer than the format allows', () => {
    expect(ruleIds(`AIza${body()}${randomString(ALNUM, 8)}`)).toEqual([])
  })

  it('not with its case-sensitive prefix in another case', () => {
    expect(ruleIds(`AIZA${body().toUpperCase()}`)).toEqual([])
    expect(ruleIds(`aiza${body()}`)).toEqual([])
  })

  it('not with a sequential-alphabet or one-character body', () => {
    const lower = 'abcdefghijklmnopqrstuvwxyz'
    expect(ruleIds(`AIzaSy${lower}1234567`)).toEqual([])
    expect(ruleIds(`AIzaSy${lower.toUpperCase()}0123456`)).toEqual([])
    expect(ruleIds(`AIza${'Q'.repeat(35)}`)).toEqual([])
  })
})
