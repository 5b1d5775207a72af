import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Riot Games: its key, from the provider's published format. */
export const RIOT_GAMES_RULES: readonly Rule[] = [
  tokenRule({
    id: 'riot-games-api-key',
    provider: 'Riot Games',
    description: 'A Riot Games API key (RGAPI-): calls the game APIs on the developer\'s rate limits.',
    keywords: ['RGAPI-'],
    body: 'RGAPI-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'medium',
    fake: () => `RGAPI-${randomUuid()}`,
    nonMatches: () => [`RGAPI-${randomKey(HEX, 32)}`],
  }),
]
