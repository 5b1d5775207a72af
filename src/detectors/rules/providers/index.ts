import type {Rule} from '../../types.js'
import {ACQUIA_RULES} from './acquia.js'
import {AI21_RULES} from './ai21.js'
import {AIVEN_RULES} from './aiven.js'
import {AKAMAI_RULES} from './akamai.js'
import {AMAZON_BEDROCK_RULES} from './amazon-bedrock.js'
import {ANYSCALE_RULES} from './anyscale.js'
import {APIFY_RULES} from './apify.js'
import {APPWRITE_RULES} from './appwrite.js'
import {ASSEMBLYAI_RULES} from './assemblyai.js'
import {BACKBLAZE_B2_RULES} from './backblaze-b2.js'
import {BROWSERBASE_RULES} from './browserbase.js'
import {BUILDER_IO_RULES} from './builder-io.js'
import {BUNNY_NET_RULES} from './bunny-net.js'
import {CARTESIA_RULES} from './cartesia.js'
import {CEREBRAS_RULES} from './cerebras.js'
import {CIVO_RULES} from './civo.js'
import {CLARIFAI_RULES} from './clarifai.js'
import {CLOUDINARY_RULES} from './cloudinary.js'
import {CLOUDWAYS_RULES} from './cloudways.js'
import {COCKROACHDB_CLOUD_RULES} from './cockroachdb-cloud.js'
import {CONVEX_RULES} from './convex.js'
import {DASHSCOPE_RULES} from './dashscope.js'
import {DATOCMS_RULES} from './datocms.js'
import {DEEPGRAM_RULES} from './deepgram.js'
import {DEEPINFRA_RULES} from './deepinfra.js'
import {DEEPSEEK_RULES} from './deepseek.js'
import {DENO_DEPLOY_RULES} from './deno-deploy.js'
import {DIRECTUS_RULES} from './directus.js'
import {EXA_RULES} from './exa.js'
import {EXOSCALE_RULES} from './exoscale.js'
import {FAL_AI_RULES} from './fal-ai.js'
import {FAUNA_RULES} from './fauna.js'
import {FIRECRAWL_RULES} from './firecrawl.js'
import {FIREWORKS_AI_RULES} from './fireworks-ai.js'
import {GHOST_RULES} from './ghost.js'
import {GLADIA_RULES} from './gladia.js'
import {HASURA_RULES} from './hasura.js'
import {HELICONE_RULES} from './helicone.js'
import {HETZNER_CLOUD_RULES} from './hetzner-cloud.js'
import {HUAWEI_CLOUD_RULES} from './huawei-cloud.js'
import {HUMANLOOP_RULES} from './humanloop.js'
import {HYGRAPH_RULES} from './hygraph.js'
import {IBM_CLOUD_RULES} from './ibm-cloud.js'
import {INFLUXDB_RULES} from './influxdb.js'
import {JINA_AI_RULES} from './jina-ai.js'
import {KINSTA_RULES} from './kinsta.js'
import {KOYEB_RULES} from './koyeb.js'
import {LANGFUSE_RULES} from './langfuse.js'
import {LINODE_RULES} from './linode.js'
import {LLAMAINDEX_RULES} from './llamaindex.js'
import {MODAL_RULES} from './modal.js'
import {MONGODB_ATLAS_RULES} from './mongodb-atlas.js'
import {MOONSHOT_AI_RULES} from './moonshot-ai.js'
import {NEON_RULES} from './neon.js'
import {NGROK_RULES} from './ngrok.js'
import {NORTHFLANK_RULES} from './northflank.js'
import {NVIDIA_RULES} from './nvidia.js'
import {OVHCLOUD_RULES} from './ovhcloud.js'
import {PANTHEON_RULES} from './pantheon.js'
import {PLATFORM_SH_RULES} from './platform-sh.js'
import {PRISMIC_RULES} from './prismic.js'
import {QDRANT_RULES} from './qdrant.js'
import {RAILWAY_RULES} from './railway.js'
import {REDIS_CLOUD_RULES} from './redis-cloud.js'
import {RENDER_RULES} from './render.js'
import {REPLIT_RULES} from './replit.js'
import {ROBOFLOW_RULES} from './roboflow.js'
import {RUNPOD_RULES} from './runpod.js'
import {SANITY_RULES} from './sanity.js'
import {SCALEWAY_RULES} from './scaleway.js'
import {SCRAPINGBEE_RULES} from './scrapingbee.js'
import {SERPAPI_RULES} from './serpapi.js'
import {STABILITY_AI_RULES} from './stability-ai.js'
import {STORYBLOK_RULES} from './storyblok.js'
import {TAILSCALE_RULES} from './tailscale.js'
import {TAVILY_RULES} from './tavily.js'
import {TENCENT_CLOUD_RULES} from './tencent-cloud.js'
import {TINYBIRD_RULES} from './tinybird.js'
import {TOGETHER_AI_RULES} from './together-ai.js'
import {UPSTASH_RULES} from './upstash.js'
import {VAPI_RULES} from './vapi.js'
import {VOYAGE_AI_RULES} from './voyage-ai.js'
import {VULTR_RULES} from './vultr.js'
import {WASABI_RULES} from './wasabi.js'
import {WEAVIATE_RULES} from './weaviate.js'
import {WEIGHTS_AND_BIASES_RULES} from './weights-and-biases.js'
import {WORDPRESS_RULES} from './wordpress.js'
import {WP_ENGINE_RULES} from './wp-engine.js'
import {XATA_RULES} from './xata.js'
import {ZHIPU_AI_RULES} from './zhipu-ai.js'
import {ZILLIZ_CLOUD_RULES} from './zilliz-cloud.js'

/** Rules for providers added one file each (issue 16's breadth), sorted by id. */
export const PROVIDER_RULES: readonly Rule[] = [
  ...ACQUIA_RULES,
  ...AI21_RULES,
  ...AIVEN_RULES,
  ...AKAMAI_RULES,
  ...AMAZON_BEDROCK_RULES,
  ...ANYSCALE_RULES,
  ...APIFY_RULES,
  ...APPWRITE_RULES,
  ...ASSEMBLYAI_RULES,
  ...BACKBLAZE_B2_RULES,
  ...BROWSERBASE_RULES,
  ...BUILDER_IO_RULES,
  ...BUNNY_NET_RULES,
  ...CARTESIA_RULES,
  ...CEREBRAS_RULES,
  ...CIVO_RULES,
  ...CLARIFAI_RULES,
  ...CLOUDINARY_RULES,
  ...CLOUDWAYS_RULES,
  ...COCKROACHDB_CLOUD_RULES,
  ...CONVEX_RULES,
  ...DASHSCOPE_RULES,
  ...DATOCMS_RULES,
  ...DEEPGRAM_RULES,
  ...DEEPINFRA_RULES,
  ...DEEPSEEK_RULES,
  ...DENO_DEPLOY_RULES,
  ...DIRECTUS_RULES,
  ...EXA_RULES,
  ...EXOSCALE_RULES,
  ...FAL_AI_RULES,
  ...FAUNA_RULES,
  ...FIRECRAWL_RULES,
  ...FIREWORKS_AI_RULES,
  ...GHOST_RULES,
  ...GLADIA_RULES,
  ...HASURA_RULES,
  ...HELICONE_RULES,
  ...HETZNER_CLOUD_RULES,
  ...HUAWEI_CLOUD_RULES,
  ...HUMANLOOP_RULES,
  ...HYGRAPH_RULES,
  ...IBM_CLOUD_RULES,
  ...INFLUXDB_RULES,
  ...JINA_AI_RULES,
  ...KINSTA_RULES,
  ...KOYEB_RULES,
  ...LANGFUSE_RULES,
  ...LINODE_RULES,
  ...LLAMAINDEX_RULES,
  ...MODAL_RULES,
  ...MONGODB_ATLAS_RULES,
  ...MOONSHOT_AI_RULES,
  ...NEON_RULES,
  ...NGROK_RULES,
  ...NORTHFLANK_RULES,
  ...NVIDIA_RULES,
  ...OVHCLOUD_RULES,
  ...PANTHEON_RULES,
  ...PLATFORM_SH_RULES,
  ...PRISMIC_RULES,
  ...QDRANT_RULES,
  ...RAILWAY_RULES,
  ...REDIS_CLOUD_RULES,
  ...RENDER_RULES,
  ...REPLIT_RULES,
  ...ROBOFLOW_RULES,
  ...RUNPOD_RULES,
  ...SANITY_RULES,
  ...SCALEWAY_RULES,
  ...SCRAPINGBEE_RULES,
  ...SERPAPI_RULES,
  ...STABILITY_AI_RULES,
  ...STORYBLOK_RULES,
  ...TAILSCALE_RULES,
  ...TAVILY_RULES,
  ...TENCENT_CLOUD_RULES,
  ...TINYBIRD_RULES,
  ...TOGETHER_AI_RULES,
  ...UPSTASH_RULES,
  ...VAPI_RULES,
  ...VOYAGE_AI_RULES,
  ...VULTR_RULES,
  ...WASABI_RULES,
  ...WEAVIATE_RULES,
  ...WEIGHTS_AND_BIASES_RULES,
  ...WORDPRESS_RULES,
  ...WP_ENGINE_RULES,
  ...XATA_RULES,
  ...ZHIPU_AI_RULES,
  ...ZILLIZ_CLOUD_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
