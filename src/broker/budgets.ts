import type {PolicyAllowance, RateLimit} from '../policy/types.js'

/** One budget of one grant, as `outloop status` shows it. */
export interface BudgetUse {
  readonly tenant: string
  readonly service: string
  readonly secret: string
  readonly unit: RateLimit['unit']
  readonly count: number
  readonly used: number
  /** Seconds until the oldest counted request leaves the window (0 when none is counted). */
  readonly freesInSec: number
}

export type BudgetAnswer = {readonly ok: true} | {readonly ok: false; readonly retryAfterSec: number; readonly limit: RateLimit}

/** The requests a window counted, oldest first, with a moving start instead of shifting the array on every expiry. */
class SlidingLog {
  #times: number[] = []
  #start = 0

  count(now: number, windowMs: number): number {
    const cutoff = now - windowMs
    while (this.#start < this.#times.length && this.#times[this.#start]! <= cutoff) this.#start++
    // Compacted once the expired part is most of the array, so memory follows the limit, not the traffic.
    if (this.#start > 1024 && this.#start * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#start)
      this.#start = 0
    }
    return this.#times.length - this.#start
  }

  oldest(): number | undefined {
    return this.#times[this.#start]
  }

  add(now: number): void {
    this.#times.push(now)
  }
}

/**
 * Each grant's request budgets (`limit: 60/min`), kept in the broker's memory: a request is counted when it is
 * let through to the upstream, and refused (429, with when to retry) while any budget of its grant is spent.
 * A grant is known by what it says (tenant, service, secret, methods, paths), so a policy reload that keeps a
 * grant keeps its count, and one that changes it starts a new count.
 */
export class Budgets {
  readonly #logs = new Map<string, {tenant: string; grant: PolicyAllowance; logs: SlidingLog[]}>()

  /** Whether every budget of the grant has room now, without counting the request. */
  check(tenant: string, grant: PolicyAllowance, now = Date.now()): BudgetAnswer {
    const limits = grant.limits ?? []
    if (limits.length === 0) return {ok: true}
    const entry = this.#entry(tenant, grant)
    let refusal: {retryAfterSec: number; limit: RateLimit} | null = null
    limits.forEach((limit, i) => {
      const log = entry.logs[i]!
      if (log.count(now, limit.windowMs) < limit.count) return
      const retryAfterSec = Math.max(1, Math.ceil((log.oldest()! + limit.windowMs - now) / 1000))
      // The longest wait is the honest Retry-After: waiting less only meets another full budget.
      if (!refusal || retryAfterSec > refusal.retryAfterSec) refusal = {retryAfterSec, limit}
    })
    return refusal ? {ok: false, ...(refusal as {retryAfterSec: number; limit: RateLimit})} : {ok: true}
  }

  /** Counts the request against every budget of its grant when all have room; otherwise counts nothing. */
  take(tenant: string, grant: PolicyAllowance, now = Date.now()): BudgetAnswer {
    const answer = this.check(tenant, grant, now)
    if (answer.ok && grant.limits?.length) for (const log of this.#entry(tenant, grant).logs) log.add(now)
    return answer
  }

  /** Every budget that has counted something, for `outloop status`. */
  usage(now = Date.now()): BudgetUse[] {
    const rows: BudgetUse[] = []
    for (const {tenant, grant, logs} of this.#logs.values()) {
      ;(grant.limits ?? []).forEach((limit, i) => {
        const log = logs[i]!
        const used = log.count(now, limit.windowMs)
        const oldest = log.oldest()
        rows.push({tenant, service: grant.service, secret: grant.secret, unit: limit.unit, count: limit.count, used, freesInSec: used > 0 && oldest !== undefined ? Math.max(0, Math.ceil((oldest + limit.windowMs - now) / 1000)) : 0})
      })
    }
    return rows.sort((a, b) => a.tenant.localeCompare(b.tenant) || a.service.localeCompare(b.service) || a.secret.localeCompare(b.secret))
  }

  #entry(tenant: string, grant: PolicyAllowance): {tenant: string; grant: PolicyAllowance; logs: SlidingLog[]} {
    const key = JSON.stringify([tenant, grant.service, grant.secret, grant.methods, grant.paths, grant.limits?.map((l) => [l.count, l.windowMs])])
    let entry = this.#logs.get(key)
    if (!entry) this.#logs.set(key, (entry = {tenant, grant, logs: (grant.limits ?? []).map(() => new SlidingLog())}))
    return entry
  }
}
