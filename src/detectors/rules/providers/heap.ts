import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Heap: its key, from the provider's published format. */
export const HEAP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'heap-api-key',
    provider: 'Heap',
    description: 'A Heap API key: sends server-side events into the environment and deletes its users.',
    words: 'heap(?:[_.-]?analytics)?',
    keywords: ['heap_', 'heap-', 'heap.', 'heapapi', 'heapkey', 'heaptoken', 'heapsecret', 'heapauth', 'heapaccess', 'heapclient', 'heapprivate', 'heapapp', 'heapwrite', 'heaprest', 'heaprecord', 'heapsdk', 'heappat', 'heappassword'],
    value: '[a-f0-9]{32}|[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'HEAP_API_KEY',
  }),
]
