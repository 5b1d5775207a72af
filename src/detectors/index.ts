/** The detector API: the rule registry and the engine that runs it. Pure: no I/O, no logging. */
export {RULES, ruleById} from './registry.js'
export {detectInText, detectInValue, scanTextForSecrets} from './engine.js'
export {shannonEntropy} from './entropy.js'
export {decoyReason, isDecoySecret, isUnlikelySecretValue} from './decoys.js'
export {findTextAssignments, normalizeSecretName, type TextAssignment} from './assignments.js'
export {decodeJwt, type DecodedJwt} from './jwt.js'
export {githubChecksumValid} from './checksums.js'
export type {Detection, Rule, RuleExamples} from './types.js'
