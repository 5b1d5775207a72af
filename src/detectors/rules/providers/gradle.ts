import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gradle: its key, from the provider's published format. */
export const GRADLE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gradle-publish-secret',
    provider: 'Gradle',
    description: 'A Gradle Plugin Portal publishing secret: with its key it publishes plugins as the account.',
    words: 'gradle[_.-]?publish',
    keywords: ['gradle_publish', 'gradle.publish', 'gradle-publish', 'gradlepublish'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'GRADLE_PUBLISH_SECRET',
  }),
]
