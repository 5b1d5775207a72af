import type {Rule} from '../../types.js'
import {RULES_A_C} from './a-c.js'
import {RULES_D_F} from './d-f.js'
import {RULES_G_K} from './g-k.js'
import {RULES_L_R} from './l-r.js'
import {RULES_S_Z} from './s-z.js'

/** Rules for providers beyond the agency set (the long tail), sorted by id. */
export const LONGTAIL_RULES: readonly Rule[] = [...RULES_A_C, ...RULES_D_F, ...RULES_G_K, ...RULES_L_R, ...RULES_S_Z].sort(
  (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
)
