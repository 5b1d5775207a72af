/** How the broker hands a service its credential. */
export type CredentialAttachment =
  | {readonly kind: 'header'; readonly header: string; readonly template: string}
  | {readonly kind: 'query'; readonly param: string}

/** One upstream the broker may call. */
export interface ServiceDefinition {
  readonly name: string
  /** Base URL (scheme, host, optional path prefix); requests go to base + the path after /<service>. */
  readonly upstream: string
  readonly auth: CredentialAttachment
  /** Base-URL environment variables that SDKs read, pointed at the broker by `outloop run`. */
  readonly baseUrlEnv: readonly string[]
  /** What the SDK appends after the host in its default base URL (`/v1` for OpenAI), kept in the env value. */
  readonly baseUrlSuffix: string
  /**
   * Hosts this service answers for as the agent's HTTPS proxy (`api.openai.com`, `*.myshopify.com`): a CONNECT
   * to one, from a client granted the service, is intercepted and decided like a request to /<service>/.
   */
  readonly hosts: readonly string[]
  /** A CA file (PEM) the upstream's certificate is verified against instead of the system's roots. */
  readonly ca?: string
}

/** What the proxy does with a CONNECT to a host no service of the policy answers for. */
export type EgressRule = 'allow' | 'deny'

/** Which requests of a grant wait for a person: none, those that may change something (not GET/HEAD/OPTIONS), or all. */
export type ApprovalRule = 'never' | 'writes' | 'always'

/** At most `count` requests in any `windowMs` (a sliding window: `60/min`, `1000/day`). */
export interface RateLimit {
  readonly count: number
  readonly windowMs: number
  /** As written after the slash, for messages and `outloop status` (`min`, `hour`, `day`). */
  readonly unit: 'min' | 'hour' | 'day'
}

/** One grant: a client may use this secret with this service, for these methods and paths. */
export interface PolicyAllowance {
  readonly secret: string
  readonly service: string
  /** Upper-case methods, or ['*']. */
  readonly methods: readonly string[]
  /** Path globs matched against the path after /<service> (`*` one segment, `**` any depth). */
  readonly paths: readonly string[]
  /** Absent: never. */
  readonly approve?: ApprovalRule
  /** How long a request waits for an answer before it is denied (`approval-timeout`); absent: two minutes. */
  readonly approveWithinMs?: number
  /** Budgets: every one must have room for a request to go upstream. */
  readonly limits?: readonly RateLimit[]
}

/** The wait for an approval when the grant names none. */
export const DEFAULT_APPROVE_WITHIN_MS = 120_000

/** The whole policy: services known, and per client what it may do. Anything not granted is denied. */
export interface Policy {
  readonly services: ReadonlyMap<string, ServiceDefinition>
  readonly clients: ReadonlyMap<string, readonly PolicyAllowance[]>
  /** Per client, whether its agents may open blind tunnels to hosts no service answers for; absent: `defaultEgress`. */
  readonly egress?: ReadonlyMap<string, EgressRule>
  /** The top-level `egress:` (allow unless the policy says deny). */
  readonly defaultEgress?: EgressRule
}

/** What a request asks for; the tenant comes from the caller's binding, never the request. */
export interface PolicyQuestion {
  readonly tenant: string
  readonly service: string
  readonly method: string
  /** The path after /<service>, without query string. */
  readonly path: string
  /** The secret named by a placeholder in the request, if any. */
  readonly secret?: string
}

/** The policy's answer. */
export type PolicyDecision =
  | {readonly allowed: true; readonly secret: string; readonly service: ServiceDefinition; readonly grant: PolicyAllowance}
  | {readonly allowed: false; readonly reason: PolicyDenyReason}

export type PolicyDenyReason = 'unknown-service' | 'no-client-policy' | 'secret-not-allowed' | 'service-not-allowed' | 'method-not-allowed' | 'path-not-allowed'
