import {PROVIDER_SERVICES} from '../detectors/rules/providers/services.js'
import type {ServiceDefinition} from './types.js'

/**
 * Providers a typical agency uses, so a policy needs only the grants. Each preset lives in its provider's rule
 * module (`src/detectors/rules/providers/<provider>.ts`, `*_SERVICE`), beside the rules for its keys; it names
 * the public API base URL and the way the SDKs send the key. A policy can override any field (a proxy, a
 * regional endpoint). Sorted by name.
 */
export const SERVICE_PRESETS: readonly ServiceDefinition[] = PROVIDER_SERVICES.map((module) => module.service.preset).sort((a, b) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
)

/** The preset of that name, if there is one. */
export function findServicePreset(name: string): ServiceDefinition | undefined {
  return SERVICE_PRESETS.find((preset) => preset.name === name)
}
