import type {Rule} from './types.js'
import {AIRTABLE_RULES} from './rules/airtable.js'
import {ANTHROPIC_RULES} from './rules/anthropic.js'
import {AWS_RULES} from './rules/aws.js'
import {AZURE_RULES} from './rules/azure.js'
import {CLOUDFLARE_RULES} from './rules/cloudflare.js'
import {COHERE_RULES} from './rules/cohere.js'
import {CONNECTION_URI_RULES} from './rules/connection-uri.js'
import {DIGITALOCEAN_RULES} from './rules/digitalocean.js'
import {DISCORD_RULES} from './rules/discord.js'
import {DOCKER_RULES} from './rules/docker.js'
import {ELEVENLABS_RULES} from './rules/elevenlabs.js'
import {GENERIC_RULES} from './rules/generic.js'
import {GITHUB_RULES} from './rules/github.js'
import {GITLAB_RULES} from './rules/gitlab.js'
import {GOOGLE_RULES} from './rules/google.js'
import {GROQ_RULES} from './rules/groq.js'
import {HUBSPOT_RULES} from './rules/hubspot.js'
import {HUGGINGFACE_RULES} from './rules/huggingface.js'
import {JWT_RULES} from './rules/jwt.js'
import {LANGSMITH_RULES} from './rules/langsmith.js'
import {LINEAR_RULES} from './rules/linear.js'
import {MAILGUN_RULES} from './rules/mailgun.js'
import {MISTRAL_RULES} from './rules/mistral.js'
import {NETLIFY_RULES} from './rules/netlify.js'
import {NOTION_RULES} from './rules/notion.js'
import {NPM_RULES} from './rules/npm.js'
import {OPENAI_RULES} from './rules/openai.js'
import {OPENROUTER_RULES} from './rules/openrouter.js'
import {PERPLEXITY_RULES} from './rules/perplexity.js'
import {PINECONE_RULES} from './rules/pinecone.js'
import {PRIVATE_KEY_RULES} from './rules/private-key.js'
import {PYPI_RULES} from './rules/pypi.js'
import {REPLICATE_RULES} from './rules/replicate.js'
import {SENDGRID_RULES} from './rules/sendgrid.js'
import {SHOPIFY_RULES} from './rules/shopify.js'
import {SLACK_RULES} from './rules/slack.js'
import {STRIPE_RULES} from './rules/stripe.js'
import {SUPABASE_RULES} from './rules/supabase.js'
import {TELEGRAM_RULES} from './rules/telegram.js'
import {TWILIO_RULES} from './rules/twilio.js'
import {VERCEL_RULES} from './rules/vercel.js'
import {XAI_RULES} from './rules/xai.js'
import {LONGTAIL_RULES} from './rules/longtail/index.js'
import {PROVIDER_RULES} from './rules/providers/index.js'

function byId(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Every rule, one explicit list sorted by id: the agency providers, the generic rules, the long tail and the providers added one file each. */
export const RULES: readonly Rule[] = [
  ...AIRTABLE_RULES,
  ...ANTHROPIC_RULES,
  ...AWS_RULES,
  ...AZURE_RULES,
  ...CLOUDFLARE_RULES,
  ...COHERE_RULES,
  ...CONNECTION_URI_RULES,
  ...DIGITALOCEAN_RULES,
  ...DISCORD_RULES,
  ...DOCKER_RULES,
  ...ELEVENLABS_RULES,
  ...GENERIC_RULES,
  ...GITHUB_RULES,
  ...GITLAB_RULES,
  ...GOOGLE_RULES,
  ...GROQ_RULES,
  ...HUBSPOT_RULES,
  ...HUGGINGFACE_RULES,
  ...JWT_RULES,
  ...LANGSMITH_RULES,
  ...LINEAR_RULES,
  ...MAILGUN_RULES,
  ...MISTRAL_RULES,
  ...NETLIFY_RULES,
  ...NOTION_RULES,
  ...NPM_RULES,
  ...OPENAI_RULES,
  ...OPENROUTER_RULES,
  ...PERPLEXITY_RULES,
  ...PINECONE_RULES,
  ...PRIVATE_KEY_RULES,
  ...PYPI_RULES,
  ...REPLICATE_RULES,
  ...SENDGRID_RULES,
  ...SHOPIFY_RULES,
  ...SLACK_RULES,
  ...STRIPE_RULES,
  ...SUPABASE_RULES,
  ...TELEGRAM_RULES,
  ...TWILIO_RULES,
  ...VERCEL_RULES,
  ...XAI_RULES,
  ...LONGTAIL_RULES,
  ...PROVIDER_RULES,
].sort(byId)

const rulesById = new Map(RULES.map((rule) => [rule.id, rule]))

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id)
}
