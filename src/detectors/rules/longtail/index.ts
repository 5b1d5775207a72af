import type {Rule} from '../../types.js'

/** Rules for providers beyond the agency set (the long tail), sorted by id. */
export const LONGTAIL_RULES: readonly Rule[] = []
