import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** OpenWeather: its key, from the provider's published format. */
export const OPENWEATHER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'openweather-api-key',
    provider: 'OpenWeather',
    description: 'An OpenWeather API key: calls weather data on the account\'s plan.',
    words: 'open[_.-]?weather(?:map)?|owm',
    keywords: ['openweather', 'open_weather', 'open-weather', 'open.weather', 'owm'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'OPENWEATHER_API_KEY',
  }),
]
