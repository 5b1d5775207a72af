import {ALNUM, BASE64URL, DIGITS, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Facebook: its keys, from the provider's published format. */
export const FACEBOOK_RULES: readonly Rule[] = [
  tokenRule({
    id: 'facebook-access-token',
    provider: 'Facebook',
    description: 'A Facebook app access token (app ID and secret joined by a bar): acts as the app.',
    keywords: ['facebook'],
    body: '(?<secret>[0-9]{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40})',
    entropy: 3,
    fake: () => `${randomKey(DIGITS, 16)}|${randomKey(BASE64URL, 27)}`,
    wrap: [(token) => `FACEBOOK_APP_TOKEN=${token}`, (token) => `{"facebook access_token":"${token}"}`],
    nonMatches: () => [`facebook ${randomKey(DIGITS, 16)}`, `${randomKey(DIGITS, 16)}|${randomKey(BASE64URL, 27)}`],
  }),
  tokenRule({
    id: 'facebook-page-access-token',
    provider: 'Facebook',
    description: 'A Facebook (Meta Graph API) user or page access token: posts and reads as the page or user.',
    keywords: ['EAA'],
    body: 'EAA(?!A)[A-Za-z0-9]{100,}',
    entropy: 4,
    fake: () => `EAAM${randomKey(ALNUM, 150)}`,
    nonMatches: () => [`checksum: eaac${randomKey(HEX, 120)}`, `EAAM${randomKey(ALNUM, 40)}`],
  }),
  keyedRule({
    id: 'facebook-app-secret',
    provider: 'Facebook',
    description: 'A Facebook app secret: signs requests and mints tokens as the app.',
    words: 'facebook|fb',
    keywords: ['facebook', 'fb_'],
    value: '[a-fA-F0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'FACEBOOK_APP_SECRET',
  }),
]
