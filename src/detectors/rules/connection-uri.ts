import type {Rule} from '../types.js'
import {ALNUM, LOWER, randomString} from '../../lib/random.js'

/** `scheme://user:password@host`: the password between `:` and the last `@` before the host. */
const CONNECTION_URI =
  /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)(?:\+[a-z0-9]+)?:\/\/(?<user>[^:/?#@\s'"`]*):(?<secret>[^@/?#\s'"`]+)@[A-Za-z0-9[]/

const SCHEMES = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse']

/** A default password equal to the user (`postgres:postgres@`) is a local setup, not a leak. */
function notUserEcho(password: string): boolean {
  return !/^(?:postgres|root|admin|mysql|mongo|redis|guest|user|test|password|pass|secret)$/i.test(password)
}

const password = (): string => randomString(ALNUM, 20)

export const CONNECTION_URI_RULES: readonly Rule[] = [
  {
    id: 'connection-uri-password',
    provider: 'Connection URI',
    description: 'A password inside a database or broker connection URI (postgres, mysql, mongodb, redis, amqp): direct access to the data.',
    keywords: SCHEMES,
    pattern: CONNECTION_URI,
    verify: notUserEcho,
    severity: 'critical',
    fake: password,
    examples: {
      matches: () => [
        `DATABASE_URL=postgres://app:${password()}@db.acme.internal:5432/app`,
        `MONGO_URI="mongodb+srv://svc-${randomString(LOWER, 4)}:${password()}@cluster0.abcde.mongodb.net/prod?retryWrites=true"`,
        `{"redis": "rediss://default:${password()}@cache.acme.cloud:6380"}`,
        `broker_url = 'amqps://worker:${password()}@mq.acme.cloud/vhost'`,
        `mysql://root:${password()}@127.0.0.1:3306/shop`,
      ],
      nonMatches: () => [
        'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
        'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
        'DATABASE_URL=postgres://user:password@localhost/db',
        'DATABASE_URL=postgres://db.acme.internal:5432/app',
        'REDIS_URL=redis://localhost:6379/0',
        'DATABASE_URL=postgres://app:<password>@db/app',
        'MONGO_URI=mongodb://app:****@db/app',
      ],
    },
  },
]
