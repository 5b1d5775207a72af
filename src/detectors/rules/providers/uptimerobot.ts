import {DIGITS, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** UptimeRobot: its key, from the provider's published format. */
export const UPTIMEROBOT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'uptimerobot-api-key',
    provider: 'UptimeRobot',
    description: 'An UptimeRobot API key: reads and changes the account\'s monitors and alert contacts.',
    words: 'uptime[_.-]?robot',
    keywords: ['uptimerobot', 'uptime_robot', 'uptime-robot', 'uptime.robot'],
    value: '[um][0-9]{6,10}-[a-f0-9]{24}',
    entropy: 3,
    severity: 'medium',
    fake: () => `u${randomKey(DIGITS, 7)}-${randomKey(HEX, 24)}`,
    exampleName: 'UPTIMEROBOT_API_KEY',
  }),
]
