import type {Rule} from '../../types.js'
import {ACQUIA_RULES} from './acquia.js'
import {ADYEN_RULES} from './adyen.js'
import {AI21_RULES} from './ai21.js'
import {AIVEN_RULES} from './aiven.js'
import {AKAMAI_RULES} from './akamai.js'
import {AMAZON_BEDROCK_RULES} from './amazon-bedrock.js'
import {ANYSCALE_RULES} from './anyscale.js'
import {APIFY_RULES} from './apify.js'
import {APPWRITE_RULES} from './appwrite.js'
import {ASSEMBLYAI_RULES} from './assemblyai.js'
import {AUTH0_RULES} from './auth0.js'
import {AUTHORIZE_NET_RULES} from './authorize-net.js'
import {AZURE_DEVOPS_RULES} from './azure-devops.js'
import {BACKBLAZE_B2_RULES} from './backblaze-b2.js'
import {BIGCOMMERCE_RULES} from './bigcommerce.js'
import {BINANCE_RULES} from './binance.js'
import {BITFINEX_RULES} from './bitfinex.js'
import {BITRISE_RULES} from './bitrise.js'
import {BRAINTREE_RULES} from './braintree.js'
import {BROWSERBASE_RULES} from './browserbase.js'
import {BROWSERSTACK_RULES} from './browserstack.js'
import {BUILDER_IO_RULES} from './builder-io.js'
import {BUILDKITE_RULES} from './buildkite.js'
import {BUNNY_NET_RULES} from './bunny-net.js'
import {BYBIT_RULES} from './bybit.js'
import {CARTESIA_RULES} from './cartesia.js'
import {CEREBRAS_RULES} from './cerebras.js'
import {CHARGEBEE_RULES} from './chargebee.js'
import {CHECKLY_RULES} from './checkly.js'
import {CHECKOUT_COM_RULES} from './checkout-com.js'
import {CHROMATIC_RULES} from './chromatic.js'
import {CIRCLECI_RULES} from './circleci.js'
import {CIVO_RULES} from './civo.js'
import {CLARIFAI_RULES} from './clarifai.js'
import {CLOUDINARY_RULES} from './cloudinary.js'
import {CLOUDSMITH_RULES} from './cloudsmith.js'
import {CLOUDWAYS_RULES} from './cloudways.js'
import {COCKROACHDB_CLOUD_RULES} from './cockroachdb-cloud.js'
import {CODACY_RULES} from './codacy.js'
import {COMMERCETOOLS_RULES} from './commercetools.js'
import {CONFIGCAT_RULES} from './configcat.js'
import {CONVEX_RULES} from './convex.js'
import {COVERALLS_RULES} from './coveralls.js'
import {CRATES_IO_RULES} from './crates-io.js'
import {CYPRESS_CLOUD_RULES} from './cypress-cloud.js'
import {DASHSCOPE_RULES} from './dashscope.js'
import {DATOCMS_RULES} from './datocms.js'
import {DEEPGRAM_RULES} from './deepgram.js'
import {DEEPINFRA_RULES} from './deepinfra.js'
import {DEEPSEEK_RULES} from './deepseek.js'
import {DEEPSOURCE_RULES} from './deepsource.js'
import {DENO_DEPLOY_RULES} from './deno-deploy.js'
import {DESCOPE_RULES} from './descope.js'
import {DIRECTUS_RULES} from './directus.js'
import {DWOLLA_RULES} from './dwolla.js'
import {ECWID_RULES} from './ecwid.js'
import {EXA_RULES} from './exa.js'
import {EXOSCALE_RULES} from './exoscale.js'
import {EXPO_RULES} from './expo.js'
import {FAL_AI_RULES} from './fal-ai.js'
import {FAUNA_RULES} from './fauna.js'
import {FIGMA_RULES} from './figma.js'
import {FIRECRAWL_RULES} from './firecrawl.js'
import {FIREWORKS_AI_RULES} from './fireworks-ai.js'
import {FLAGSMITH_RULES} from './flagsmith.js'
import {FUSIONAUTH_RULES} from './fusionauth.js'
import {GHOST_RULES} from './ghost.js'
import {GITEA_RULES} from './gitea.js'
import {GITGUARDIAN_RULES} from './gitguardian.js'
import {GLADIA_RULES} from './gladia.js'
import {GRADLE_RULES} from './gradle.js'
import {GUMROAD_RULES} from './gumroad.js'
import {HARVEST_RULES} from './harvest.js'
import {HASURA_RULES} from './hasura.js'
import {HELICONE_RULES} from './helicone.js'
import {HETZNER_CLOUD_RULES} from './hetzner-cloud.js'
import {HEX_PM_RULES} from './hex-pm.js'
import {HUAWEI_CLOUD_RULES} from './huawei-cloud.js'
import {HUMANLOOP_RULES} from './humanloop.js'
import {HYGRAPH_RULES} from './hygraph.js'
import {IBM_CLOUD_RULES} from './ibm-cloud.js'
import {INFISICAL_RULES} from './infisical.js'
import {INFLUXDB_RULES} from './influxdb.js'
import {JENKINS_RULES} from './jenkins.js'
import {JINA_AI_RULES} from './jina-ai.js'
import {KINSTA_RULES} from './kinsta.js'
import {KLAVIYO_RULES} from './klaviyo.js'
import {KOYEB_RULES} from './koyeb.js'
import {LAMBDATEST_RULES} from './lambdatest.js'
import {LANGFUSE_RULES} from './langfuse.js'
import {LEMON_SQUEEZY_RULES} from './lemon-squeezy.js'
import {LICHESS_RULES} from './lichess.js'
import {LINODE_RULES} from './linode.js'
import {LLAMAINDEX_RULES} from './llamaindex.js'
import {MAGENTO_RULES} from './magento.js'
import {MAXIO_RULES} from './maxio.js'
import {MERCADO_PAGO_RULES} from './mercado-pago.js'
import {MIDTRANS_RULES} from './midtrans.js'
import {MODAL_RULES} from './modal.js'
import {MOLLIE_RULES} from './mollie.js'
import {MONGODB_ATLAS_RULES} from './mongodb-atlas.js'
import {MOONSHOT_AI_RULES} from './moonshot-ai.js'
import {NEON_RULES} from './neon.js'
import {NGROK_RULES} from './ngrok.js'
import {NORTHFLANK_RULES} from './northflank.js'
import {NUGET_RULES} from './nuget.js'
import {NVIDIA_RULES} from './nvidia.js'
import {NX_CLOUD_RULES} from './nx-cloud.js'
import {OKX_RULES} from './okx.js'
import {OPTIMIZELY_RULES} from './optimizely.js'
import {ORY_RULES} from './ory.js'
import {OVHCLOUD_RULES} from './ovhcloud.js'
import {PACKAGECLOUD_RULES} from './packagecloud.js'
import {PADDLE_RULES} from './paddle.js'
import {PANTHEON_RULES} from './pantheon.js'
import {PAYPAL_RULES} from './paypal.js'
import {PERCY_RULES} from './percy.js'
import {PLATFORM_SH_RULES} from './platform-sh.js'
import {PRESTASHOP_RULES} from './prestashop.js'
import {PRINTFUL_RULES} from './printful.js'
import {PRISMIC_RULES} from './prismic.js'
import {PUB_DEV_RULES} from './pub-dev.js'
import {QDRANT_RULES} from './qdrant.js'
import {QUAY_RULES} from './quay.js'
import {QUICKBOOKS_RULES} from './quickbooks.js'
import {RAILWAY_RULES} from './railway.js'
import {RAZORPAY_RULES} from './razorpay.js'
import {RECHARGE_RULES} from './recharge.js'
import {RECURLY_RULES} from './recurly.js'
import {REDIS_CLOUD_RULES} from './redis-cloud.js'
import {RENDER_RULES} from './render.js'
import {REPLIT_RULES} from './replit.js'
import {RIOT_GAMES_RULES} from './riot-games.js'
import {ROBOFLOW_RULES} from './roboflow.js'
import {RUNPOD_RULES} from './runpod.js'
import {SANITY_RULES} from './sanity.js'
import {SAUCE_LABS_RULES} from './sauce-labs.js'
import {SCALEWAY_RULES} from './scaleway.js'
import {SCRAPINGBEE_RULES} from './scrapingbee.js'
import {SEMAPHORE_RULES} from './semaphore.js'
import {SEMGREP_RULES} from './semgrep.js'
import {SERPAPI_RULES} from './serpapi.js'
import {SHIPSTATION_RULES} from './shipstation.js'
import {SOCKET_DEV_RULES} from './socket-dev.js'
import {SPLIT_IO_RULES} from './split-io.js'
import {STABILITY_AI_RULES} from './stability-ai.js'
import {STATSIG_RULES} from './statsig.js'
import {STEAM_RULES} from './steam.js'
import {STORYBLOK_RULES} from './storyblok.js'
import {STYTCH_RULES} from './stytch.js'
import {SUMUP_RULES} from './sumup.js'
import {TAILSCALE_RULES} from './tailscale.js'
import {TAVILY_RULES} from './tavily.js'
import {TEAMCITY_RULES} from './teamcity.js'
import {TENCENT_CLOUD_RULES} from './tencent-cloud.js'
import {TINYBIRD_RULES} from './tinybird.js'
import {TOGETHER_AI_RULES} from './together-ai.js'
import {TURBOREPO_RULES} from './turborepo.js'
import {UNLEASH_RULES} from './unleash.js'
import {UPSTASH_RULES} from './upstash.js'
import {VAPI_RULES} from './vapi.js'
import {VOYAGE_AI_RULES} from './voyage-ai.js'
import {VULTR_RULES} from './vultr.js'
import {WASABI_RULES} from './wasabi.js'
import {WEAVIATE_RULES} from './weaviate.js'
import {WEIGHTS_AND_BIASES_RULES} from './weights-and-biases.js'
import {WISE_RULES} from './wise.js'
import {WIX_RULES} from './wix.js'
import {WOOCOMMERCE_RULES} from './woocommerce.js'
import {WORDPRESS_RULES} from './wordpress.js'
import {WORKOS_RULES} from './workos.js'
import {WP_ENGINE_RULES} from './wp-engine.js'
import {XATA_RULES} from './xata.js'
import {XENDIT_RULES} from './xendit.js'
import {XERO_RULES} from './xero.js'
import {YOTPO_RULES} from './yotpo.js'
import {ZEROTIER_RULES} from './zerotier.js'
import {ZHIPU_AI_RULES} from './zhipu-ai.js'
import {ZILLIZ_CLOUD_RULES} from './zilliz-cloud.js'
import {ZUORA_RULES} from './zuora.js'

/** Rules for providers added one file each (issue 16's breadth), sorted by id. */
export const PROVIDER_RULES: readonly Rule[] = [
  ...ACQUIA_RULES,
  ...ADYEN_RULES,
  ...AI21_RULES,
  ...AIVEN_RULES,
  ...AKAMAI_RULES,
  ...AMAZON_BEDROCK_RULES,
  ...ANYSCALE_RULES,
  ...APIFY_RULES,
  ...APPWRITE_RULES,
  ...ASSEMBLYAI_RULES,
  ...AUTH0_RULES,
  ...AUTHORIZE_NET_RULES,
  ...AZURE_DEVOPS_RULES,
  ...BACKBLAZE_B2_RULES,
  ...BIGCOMMERCE_RULES,
  ...BINANCE_RULES,
  ...BITFINEX_RULES,
  ...BITRISE_RULES,
  ...BRAINTREE_RULES,
  ...BROWSERBASE_RULES,
  ...BROWSERSTACK_RULES,
  ...BUILDER_IO_RULES,
  ...BUILDKITE_RULES,
  ...BUNNY_NET_RULES,
  ...BYBIT_RULES,
  ...CARTESIA_RULES,
  ...CEREBRAS_RULES,
  ...CHARGEBEE_RULES,
  ...CHECKLY_RULES,
  ...CHECKOUT_COM_RULES,
  ...CHROMATIC_RULES,
  ...CIRCLECI_RULES,
  ...CIVO_RULES,
  ...CLARIFAI_RULES,
  ...CLOUDINARY_RULES,
  ...CLOUDSMITH_RULES,
  ...CLOUDWAYS_RULES,
  ...COCKROACHDB_CLOUD_RULES,
  ...CODACY_RULES,
  ...COMMERCETOOLS_RULES,
  ...CONFIGCAT_RULES,
  ...CONVEX_RULES,
  ...COVERALLS_RULES,
  ...CRATES_IO_RULES,
  ...CYPRESS_CLOUD_RULES,
  ...DASHSCOPE_RULES,
  ...DATOCMS_RULES,
  ...DEEPGRAM_RULES,
  ...DEEPINFRA_RULES,
  ...DEEPSEEK_RULES,
  ...DEEPSOURCE_RULES,
  ...DENO_DEPLOY_RULES,
  ...DESCOPE_RULES,
  ...DIRECTUS_RULES,
  ...DWOLLA_RULES,
  ...ECWID_RULES,
  ...EXA_RULES,
  ...EXOSCALE_RULES,
  ...EXPO_RULES,
  ...FAL_AI_RULES,
  ...FAUNA_RULES,
  ...FIGMA_RULES,
  ...FIRECRAWL_RULES,
  ...FIREWORKS_AI_RULES,
  ...FLAGSMITH_RULES,
  ...FUSIONAUTH_RULES,
  ...GHOST_RULES,
  ...GITEA_RULES,
  ...GITGUARDIAN_RULES,
  ...GLADIA_RULES,
  ...GRADLE_RULES,
  ...GUMROAD_RULES,
  ...HARVEST_RULES,
  ...HASURA_RULES,
  ...HELICONE_RULES,
  ...HETZNER_CLOUD_RULES,
  ...HEX_PM_RULES,
  ...HUAWEI_CLOUD_RULES,
  ...HUMANLOOP_RULES,
  ...HYGRAPH_RULES,
  ...IBM_CLOUD_RULES,
  ...INFISICAL_RULES,
  ...INFLUXDB_RULES,
  ...JENKINS_RULES,
  ...JINA_AI_RULES,
  ...KINSTA_RULES,
  ...KLAVIYO_RULES,
  ...KOYEB_RULES,
  ...LAMBDATEST_RULES,
  ...LANGFUSE_RULES,
  ...LEMON_SQUEEZY_RULES,
  ...LICHESS_RULES,
  ...LINODE_RULES,
  ...LLAMAINDEX_RULES,
  ...MAGENTO_RULES,
  ...MAXIO_RULES,
  ...MERCADO_PAGO_RULES,
  ...MIDTRANS_RULES,
  ...MODAL_RULES,
  ...MOLLIE_RULES,
  ...MONGODB_ATLAS_RULES,
  ...MOONSHOT_AI_RULES,
  ...NEON_RULES,
  ...NGROK_RULES,
  ...NORTHFLANK_RULES,
  ...NUGET_RULES,
  ...NVIDIA_RULES,
  ...NX_CLOUD_RULES,
  ...OKX_RULES,
  ...OPTIMIZELY_RULES,
  ...ORY_RULES,
  ...OVHCLOUD_RULES,
  ...PACKAGECLOUD_RULES,
  ...PADDLE_RULES,
  ...PANTHEON_RULES,
  ...PAYPAL_RULES,
  ...PERCY_RULES,
  ...PLATFORM_SH_RULES,
  ...PRESTASHOP_RULES,
  ...PRINTFUL_RULES,
  ...PRISMIC_RULES,
  ...PUB_DEV_RULES,
  ...QDRANT_RULES,
  ...QUAY_RULES,
  ...QUICKBOOKS_RULES,
  ...RAILWAY_RULES,
  ...RAZORPAY_RULES,
  ...RECHARGE_RULES,
  ...RECURLY_RULES,
  ...REDIS_CLOUD_RULES,
  ...RENDER_RULES,
  ...REPLIT_RULES,
  ...RIOT_GAMES_RULES,
  ...ROBOFLOW_RULES,
  ...RUNPOD_RULES,
  ...SANITY_RULES,
  ...SAUCE_LABS_RULES,
  ...SCALEWAY_RULES,
  ...SCRAPINGBEE_RULES,
  ...SEMAPHORE_RULES,
  ...SEMGREP_RULES,
  ...SERPAPI_RULES,
  ...SHIPSTATION_RULES,
  ...SOCKET_DEV_RULES,
  ...SPLIT_IO_RULES,
  ...STABILITY_AI_RULES,
  ...STATSIG_RULES,
  ...STEAM_RULES,
  ...STORYBLOK_RULES,
  ...STYTCH_RULES,
  ...SUMUP_RULES,
  ...TAILSCALE_RULES,
  ...TAVILY_RULES,
  ...TEAMCITY_RULES,
  ...TENCENT_CLOUD_RULES,
  ...TINYBIRD_RULES,
  ...TOGETHER_AI_RULES,
  ...TURBOREPO_RULES,
  ...UNLEASH_RULES,
  ...UPSTASH_RULES,
  ...VAPI_RULES,
  ...VOYAGE_AI_RULES,
  ...VULTR_RULES,
  ...WASABI_RULES,
  ...WEAVIATE_RULES,
  ...WEIGHTS_AND_BIASES_RULES,
  ...WISE_RULES,
  ...WIX_RULES,
  ...WOOCOMMERCE_RULES,
  ...WORDPRESS_RULES,
  ...WORKOS_RULES,
  ...WP_ENGINE_RULES,
  ...XATA_RULES,
  ...XENDIT_RULES,
  ...XERO_RULES,
  ...YOTPO_RULES,
  ...ZEROTIER_RULES,
  ...ZHIPU_AI_RULES,
  ...ZILLIZ_CLOUD_RULES,
  ...ZUORA_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
