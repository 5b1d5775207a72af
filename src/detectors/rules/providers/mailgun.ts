import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

export const MAILGUN_RULES: readonly Rule[] = [
  nameRule({
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    description: 'A Mailgun API or webhook signing key (hex with two dashed groups): sends mail from the account’s domains.',
    keywords: ['mailgun', 'mg_'],
    names: /(?:^|_)(?:mailgun|mg)(?:_[a-z0-9]+)*_(?:api_key|key|secret|signing_key|webhook_key|token)$/,
    body: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}|key-[a-f0-9]{32}',
    entropy: 2.7,
    severity: 'high',
    envName: 'MAILGUN_API_KEY',
    fake: () => `${randomString(HEX, 32)}-${randomString(HEX, 8)}-${randomString(HEX, 8)}`,
    nonMatches: () => [`MAILGUN_DOMAIN=mg.acme.example`, `MAILGUN_API_KEY=${randomString(HEX, 32)}-${randomString(HEX, 4)}`],
  }),
  prefixRule({
    id: 'mailgun-private-key',
    provider: 'Mailgun',
    description: 'A Mailgun private API key (`key-…`): sends mail and reads logs for every domain on the account.',
    keywords: ['key-'],
    body: 'key-[a-f0-9]{32}',
    entropy: 2.7,
    severity: 'high',
    envName: 'MAILGUN_API_KEY',
    fake: () => `key-${randomString(HEX, 32)}`,
    nonMatches: () => [`MAILGUN_API_KEY=key-${randomString(HEX, 20)}`, 'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  prefixRule({
    id: 'mailgun-public-key',
    provider: 'Mailgun',
    description: 'A Mailgun public validation key (`pubkey-…`): meant for browsers, reported low.',
    keywords: ['pubkey-'],
    body: 'pubkey-[a-f0-9]{32}',
    entropy: 2.7,
    severity: 'low',
    public: true,
    envName: 'MAILGUN_PUBLIC_KEY',
    fake: () => `pubkey-${randomString(HEX, 32)}`,
    nonMatches: () => [`MAILGUN_PUBLIC_KEY=pubkey-${randomString(HEX, 10)}`],
  }),
]
