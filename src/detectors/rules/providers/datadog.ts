import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Datadog: its keys, from the provider's published format. */
export const DATADOG_RULES: readonly Rule[] = [
  keyedRule({
    id: 'datadog-api-key',
    provider: 'Datadog',
    description: 'A Datadog API key: submits metrics, logs and events to the organisation.',
    words: 'datadog|dd[_.-]?api',
    keywords: ['datadog', 'dd_api', 'ddapi', 'dd-api'],
    value: '[a-fA-F0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'DD_API_KEY',
  }),
  keyedRule({
    id: 'datadog-app-key',
    provider: 'Datadog',
    description: 'A Datadog application key: reads and changes the organisation\'s dashboards, monitors and data.',
    words: 'datadog|dd[_.-]?app',
    keywords: ['datadog', 'dd_app', 'ddapp', 'dd-app'],
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'DATADOG_APP_KEY',
  }),
]
