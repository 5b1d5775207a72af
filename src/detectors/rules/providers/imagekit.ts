import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ImageKit: its key, from the provider's published format. */
export const IMAGEKIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'imagekit-private-key',
    provider: 'ImageKit',
    description: 'An ImageKit private key (private_): uploads and deletes the account\'s media.',
    words: 'image[_.-]?kit',
    keywords: ['imagekit', 'image_kit', 'image-kit', 'image.kit'],
    value: 'private_[A-Za-z0-9+/=]{28}',
    entropy: 3,
    fake: () => `private_${randomKey(BASE64, 28)}`,
    exampleName: 'IMAGEKIT_PRIVATE_KEY',
  }),
]
