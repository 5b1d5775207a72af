/** A client's account named in a file: a store domain, a workspace, a tenant subdomain of a SaaS. */
export interface AccountSighting {
  readonly account: string
  readonly kind: string
  readonly file: string
  readonly line: number
  readonly tenant: string | null
}

/** SaaS hosts whose first label is the customer's account. Lower-case, matched at a label boundary. */
const ACCOUNT_HOSTS: ReadonlyArray<readonly [suffix: string, kind: string]> = [
  ['myshopify.com', 'Shopify store'],
  ['slack.com', 'Slack workspace'],
  ['atlassian.net', 'Atlassian site'],
  ['zendesk.com', 'Zendesk account'],
  ['freshdesk.com', 'Freshdesk account'],
  ['notion.site', 'Notion workspace'],
  ['my.salesforce.com', 'Salesforce org'],
  ['supabase.co', 'Supabase project'],
  ['firebaseio.com', 'Firebase project'],
  ['herokuapp.com', 'Heroku app'],
  ['vercel.app', 'Vercel project'],
  ['netlify.app', 'Netlify site'],
  ['webflow.io', 'Webflow site'],
  ['bigcommerce.com', 'BigCommerce store'],
  ['auth0.com', 'Auth0 tenant'],
  ['okta.com', 'Okta org'],
  ['openai.azure.com', 'Azure OpenAI resource'],
  ['blob.core.windows.net', 'Azure storage account'],
]

const NOT_ACCOUNTS = new Set(['www', 'api', 'app', 'hooks', 'docs', 'status', 'help', 'support', 'login', 'files', 'cdn', 'admin', 'example', 'your-store', 'yourstore', 'your-workspace', 'store', 'workspace', 'myshop', 'shop'])

const ACCOUNT_PATTERN = new RegExp(
  `(?<![a-z0-9.-])([a-z0-9][a-z0-9-]{1,62})\\.(${ACCOUNT_HOSTS.map(([s]) => s.replaceAll('.', '\\.')).join('|')})(?![a-z0-9-])`,
  'gi',
)
/** Cheap pre-check: every account host ends in one of these, so text without them has no account names. */
const TLDS = ['.com', '.net', '.site', '.co', '.io', '.app']

/** Finds account hosts in a file's text, with 1-based line numbers. Pure; cheap when none of the hosts occur. */
export function findAccountNames(text: string): Array<{account: string; kind: string; offset: number}> {
  if (!TLDS.some((tld) => text.includes(tld))) return []
  const found: Array<{account: string; kind: string; offset: number}> = []
  for (const match of text.matchAll(ACCOUNT_PATTERN)) {
    const label = match[1].toLowerCase()
    if (NOT_ACCOUNTS.has(label)) continue
    const suffix = match[2].toLowerCase()
    const kind = ACCOUNT_HOSTS.find(([s]) => s === suffix)?.[1] ?? 'account'
    found.push({account: `${label}.${suffix}`, kind, offset: match.index})
  }
  return found
}
