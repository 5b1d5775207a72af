/** The vault tenant holding each migration run's backup key: not a client, and the name says what it is. */
export const BACKUP_KEY_TENANT = 'outloop.migrate'

/**
 * Whether a vault tenant is outloop's own (`outloop.migrate`, `outloop.*`) rather than a client's: such
 * entries are left out of listings, starter policies and client counts. A client folder named `outloop.x`
 * would need a tenant mapping in outloop.yaml.
 */
export function isInternalTenant(tenant: string): boolean {
  return tenant === BACKUP_KEY_TENANT || tenant.startsWith('outloop.')
}
