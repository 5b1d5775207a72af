import {detectInValue, ruleById} from '../detectors/index.js'

/**
 * The operator's own environment may hold plaintext keys (an exported GITHUB_TOKEN, an OPENAI_API_KEY from a
 * shell profile). An agent must get no key beyond what the broker uses for it, so every variable whose value
 * the scanner recognises as a key is withheld. Placeholders (`outloop://…`) are references, not keys, and pass.
 * Returns the variables' names only, never their values.
 */
export function variablesHoldingKeys(env: NodeJS.ProcessEnv): string[] {
  const names: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < 8 || value.length > 16_384) continue
    if (detectInValue(value, name).some((detection) => ruleById(detection.ruleId)?.public !== true)) names.push(name)
  }
  return names.sort()
}
