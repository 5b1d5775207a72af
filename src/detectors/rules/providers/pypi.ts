import type {Rule} from '../../types.js'
import {BASE64URL, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

/** Every PyPI token is a macaroon whose first bytes encode `pypi.org`, so its base64 starts the same. */
const PYPI_MACAROON_START = 'pypi-AgEIcHlwaS5vcmc'

export const PYPI_RULES: readonly Rule[] = [
  prefixRule({
    id: 'pypi-upload-token',
    provider: 'PyPI',
    description: 'A PyPI API token: uploads new releases of the owner’s projects, a supply-chain risk.',
    keywords: [PYPI_MACAROON_START.toLowerCase()],
    body: `${PYPI_MACAROON_START}[A-Za-z0-9_-]{50,300}`,
    entropy: 3.5,
    severity: 'critical',
    envName: 'TWINE_PASSWORD',
    fake: () => `${PYPI_MACAROON_START}${randomString(BASE64URL, 150)}`,
    nonMatches: () => [`TWINE_PASSWORD=${PYPI_MACAROON_START}${randomString(BASE64URL, 20)}`, `TWINE_PASSWORD=pypi-${randomString(BASE64URL, 20)}`],
  }),
]
