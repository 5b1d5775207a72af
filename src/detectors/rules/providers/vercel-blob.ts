import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Vercel Blob: its key, from the provider's published format. */
export const VERCEL_BLOB_RULES: readonly Rule[] = [
  tokenRule({
    id: 'vercel-blob-read-write-token',
    provider: 'Vercel Blob',
    description: 'A Vercel Blob read-write token (vercel_blob_rw_): uploads, overwrites and deletes the store\'s files.',
    keywords: ['vercel_blob_rw_'],
    body: 'vercel_blob_rw_[A-Za-z0-9]{10,20}_[A-Za-z0-9]{20,40}',
    entropy: 3,
    fake: () => `vercel_blob_rw_${randomKey(ALNUM, 16)}_${randomKey(ALNUM, 30)}`,
    nonMatches: () => [`vercel_blob_rw_${randomKey(ALNUM, 16)}`],
  }),
]
