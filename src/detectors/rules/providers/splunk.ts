import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Splunk: its key, from the provider's published format. */
export const SPLUNK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'splunk-hec-token',
    provider: 'Splunk',
    description: 'A Splunk HTTP Event Collector token: sends events into the deployment\'s indexes.',
    words: 'splunk|hec',
    keywords: ['splunk', 'hec_', 'hec-', 'hec.', 'hecapi', 'heckey', 'hectoken', 'hecsecret', 'hecauth', 'hecaccess', 'hecclient', 'hecprivate', 'hecapp', 'hecwrite', 'hecrest', 'hecrecord', 'hecsdk', 'hecpat', 'hecpassword'],
    value: UUID,
    entropy: 3,
    severity: 'medium',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'SPLUNK_HEC_TOKEN',
  }),
]
