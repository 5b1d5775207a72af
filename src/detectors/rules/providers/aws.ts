import type {Rule} from '../../types.js'
import {BASE64, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

/** AWS key ids: a four-letter kind, then 16 characters of base32 (A–Z, 2–7). */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const awsKeyId = (): string => `AKIA${randomString(BASE32, 16)}`

export const AWS_RULES: readonly Rule[] = [
  prefixRule({
    id: 'aws-access-key-id',
    provider: 'AWS',
    description:
      'An AWS access key id (`AKIA…` long-term, `ASIA…` temporary): half of an AWS credential, and the secret is usually beside it.',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    body: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
    entropy: 3.0,
    severity: 'high',
    envName: 'AWS_ACCESS_KEY_ID',
    fake: awsKeyId,
    nonMatches: () => [
      // AWS's documentation example, assembled so this file holds no key-shaped literal.
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7' + 'EXAMPLE',
      `AWS_ACCESS_KEY_ID=AKIA${randomString(BASE32, 12)}`,
      `AWS_ACCESS_KEY_ID=akia${randomString(BASE32, 16).toLowerCase()}`,
      'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX',
      `AWS_ACCESS_KEY_ID=AKIA${randomString(BASE32, 15)}1`,
    ],
  }),
  nameRule({
    id: 'aws-secret-access-key',
    provider: 'AWS',
    description: 'An AWS secret access key: with its key id it signs API calls as the IAM user or role.',
    keywords: ['aws', 'secret_access', 'secretaccess'],
    names: /(?:^|_)aws(?:_[a-z0-9]+)*_(?:secret|sk)(?:_access)?(?:_key)?$|^secret_access_key$/,
    body: '[A-Za-z0-9/+]{40}',
    entropy: 4.0,
    severity: 'critical',
    envName: 'AWS_SECRET_ACCESS_KEY',
    // In notes the secret often stands alone on the line after its key id: the id is what says it is AWS's.
    pair: {anchor: 'aws-access-key-id', token: '[A-Za-z0-9/+]{40}', lines: 3},
    fake: () => randomString(BASE64, 40),
    nonMatches: () => [
      // AWS's documented example secret, assembled so this file holds no key-shaped literal.
      'AWS_SECRET_ACCESS_KEY=' + ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/'),
      `AWS_SECRET_ACCESS_KEY=${randomString(BASE64, 39)}`,
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      `AWS_REGION=${randomString(BASE64, 40)}`,
    ],
  }),
]
