import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SurveyMonkey: its key, from the provider's published format. */
export const SURVEYMONKEY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'surveymonkey-access-token',
    provider: 'SurveyMonkey',
    description: 'A SurveyMonkey access token: reads the account\'s surveys and every response to them.',
    words: 'survey[_.-]?monkey',
    keywords: ['surveymonkey', 'survey_monkey', 'survey-monkey', 'survey.monkey'],
    value: '[A-Za-z0-9._-]{60,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 80),
    secretNameOnly: true,
    exampleName: 'SURVEYMONKEY_ACCESS_TOKEN',
  }),
]
