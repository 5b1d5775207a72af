import type {Rule} from '../../types.js'
import {ABLY_RULES} from './ably.js'
import {ABSTRACT_API_RULES} from './abstract-api.js'
import {ACQUIA_RULES} from './acquia.js'
import {ACTIVECAMPAIGN_RULES} from './activecampaign.js'
import {ACUITY_SCHEDULING_RULES} from './acuity-scheduling.js'
import {ADYEN_RULES} from './adyen.js'
import {AFFINITY_RULES} from './affinity.js'
import {AFTERSHIP_RULES} from './aftership.js'
import {AGORA_RULES} from './agora.js'
import {AHREFS_RULES} from './ahrefs.js'
import {AI21_RULES} from './ai21.js'
import {AIRBRAKE_RULES} from './airbrake.js'
import {AIRBYTE_RULES} from './airbyte.js'
import {AIRCALL_RULES} from './aircall.js'
import {AIVEN_RULES} from './aiven.js'
import {AKAMAI_RULES} from './akamai.js'
import {ALCHEMY_RULES} from './alchemy.js'
import {ALPACA_RULES} from './alpaca.js'
import {ALPHA_VANTAGE_RULES} from './alpha-vantage.js'
import {AMAZON_BEDROCK_RULES} from './amazon-bedrock.js'
import {AMPLITUDE_RULES} from './amplitude.js'
import {ANCHOR_BROWSER_RULES} from './anchor-browser.js'
import {ANYSCALE_RULES} from './anyscale.js'
import {APIFY_RULES} from './apify.js'
import {APOLLO_GRAPHQL_RULES} from './apollo-graphql.js'
import {APOLLO_IO_RULES} from './apollo-io.js'
import {APPLE_APP_STORE_RULES} from './apple-app-store.js'
import {APPSIGNAL_RULES} from './appsignal.js'
import {APPWRITE_RULES} from './appwrite.js'
import {ARGO_CD_RULES} from './argo-cd.js'
import {ASSEMBLYAI_RULES} from './assemblyai.js'
import {ATTIO_RULES} from './attio.js'
import {AUTH0_RULES} from './auth0.js'
import {AUTHORIZE_NET_RULES} from './authorize-net.js'
import {AVALARA_RULES} from './avalara.js'
import {AWEBER_RULES} from './aweber.js'
import {AXIOM_RULES} from './axiom.js'
import {AZURE_AI_SEARCH_RULES} from './azure-ai-search.js'
import {AZURE_APP_CONFIGURATION_RULES} from './azure-app-configuration.js'
import {AZURE_COMMUNICATION_SERVICES_RULES} from './azure-communication-services.js'
import {AZURE_CONTAINER_REGISTRY_RULES} from './azure-container-registry.js'
import {AZURE_DEVOPS_RULES} from './azure-devops.js'
import {AZURE_FUNCTIONS_RULES} from './azure-functions.js'
import {AZURE_SAS_RULES} from './azure-sas.js'
import {AZURE_SERVICE_BUS_RULES} from './azure-service-bus.js'
import {AZURE_STORAGE_RULES} from './azure-storage.js'
import {BACKBLAZE_B2_RULES} from './backblaze-b2.js'
import {BANDWIDTH_RULES} from './bandwidth.js'
import {BASECAMP_RULES} from './basecamp.js'
import {BASETEN_RULES} from './baseten.js'
import {BEEHIIV_RULES} from './beehiiv.js'
import {BETTER_STACK_RULES} from './better-stack.js'
import {BIGCOMMERCE_RULES} from './bigcommerce.js'
import {BINANCE_RULES} from './binance.js'
import {BITFINEX_RULES} from './bitfinex.js'
import {BITLY_RULES} from './bitly.js'
import {BITRISE_RULES} from './bitrise.js'
import {BITWARDEN_RULES} from './bitwarden.js'
import {BOX_RULES} from './box.js'
import {BRAINTREE_RULES} from './braintree.js'
import {BRAVE_SEARCH_RULES} from './brave-search.js'
import {BRAZE_RULES} from './braze.js'
import {BROWSERBASE_RULES} from './browserbase.js'
import {BROWSERLESS_RULES} from './browserless.js'
import {BROWSERSTACK_RULES} from './browserstack.js'
import {BUGSNAG_RULES} from './bugsnag.js'
import {BUILDER_IO_RULES} from './builder-io.js'
import {BUILDKITE_RULES} from './buildkite.js'
import {BUNNY_NET_RULES} from './bunny-net.js'
import {BUTTONDOWN_RULES} from './buttondown.js'
import {BYBIT_RULES} from './bybit.js'
import {CAL_COM_RULES} from './cal-com.js'
import {CALENDLY_RULES} from './calendly.js'
import {CAMPAIGN_MONITOR_RULES} from './campaign-monitor.js'
import {CANVA_RULES} from './canva.js'
import {CARTESIA_RULES} from './cartesia.js'
import {CEREBRAS_RULES} from './cerebras.js'
import {CHARGEBEE_RULES} from './chargebee.js'
import {CHECKLY_RULES} from './checkly.js'
import {CHECKOUT_COM_RULES} from './checkout-com.js'
import {CHROMATIC_RULES} from './chromatic.js'
import {CIRCLE_SO_RULES} from './circle-so.js'
import {CIRCLECI_RULES} from './circleci.js'
import {CIVO_RULES} from './civo.js'
import {CLARIFAI_RULES} from './clarifai.js'
import {CLEARBIT_RULES} from './clearbit.js'
import {CLICKSEND_RULES} from './clicksend.js'
import {CLICKUP_RULES} from './clickup.js'
import {CLOCKIFY_RULES} from './clockify.js'
import {CLOUDFLARE_TURNSTILE_RULES} from './cloudflare-turnstile.js'
import {CLOUDINARY_RULES} from './cloudinary.js'
import {CLOUDSMITH_RULES} from './cloudsmith.js'
import {CLOUDWAYS_RULES} from './cloudways.js'
import {COCKROACHDB_CLOUD_RULES} from './cockroachdb-cloud.js'
import {CODA_RULES} from './coda.js'
import {CODACY_RULES} from './codacy.js'
import {CODEFRESH_RULES} from './codefresh.js'
import {CODER_RULES} from './coder.js'
import {COMMERCETOOLS_RULES} from './commercetools.js'
import {CONFIGCAT_RULES} from './configcat.js'
import {CONSTANT_CONTACT_RULES} from './constant-contact.js'
import {CONTENTSTACK_RULES} from './contentstack.js'
import {CONVEX_RULES} from './convex.js'
import {COPPER_RULES} from './copper.js'
import {CORALOGIX_RULES} from './coralogix.js'
import {COVEO_RULES} from './coveo.js'
import {COVERALLS_RULES} from './coveralls.js'
import {CRATES_IO_RULES} from './crates-io.js'
import {CRISP_RULES} from './crisp.js'
import {CRONITOR_RULES} from './cronitor.js'
import {CROWDIN_RULES} from './crowdin.js'
import {CROWDSTRIKE_RULES} from './crowdstrike.js'
import {CUSTOMER_IO_RULES} from './customer-io.js'
import {CYPRESS_CLOUD_RULES} from './cypress-cloud.js'
import {DASHSCOPE_RULES} from './dashscope.js'
import {DATAFORSEO_RULES} from './dataforseo.js'
import {DATOCMS_RULES} from './datocms.js'
import {DBT_CLOUD_RULES} from './dbt-cloud.js'
import {DEEPGRAM_RULES} from './deepgram.js'
import {DEEPINFRA_RULES} from './deepinfra.js'
import {DEEPL_RULES} from './deepl.js'
import {DEEPSEEK_RULES} from './deepseek.js'
import {DEEPSOURCE_RULES} from './deepsource.js'
import {DENO_DEPLOY_RULES} from './deno-deploy.js'
import {DESCOPE_RULES} from './descope.js'
import {DINGTALK_RULES} from './dingtalk.js'
import {DIRECTUS_RULES} from './directus.js'
import {DISCOURSE_RULES} from './discourse.js'
import {DISQUS_RULES} from './disqus.js'
import {DNSIMPLE_RULES} from './dnsimple.js'
import {DOCUSIGN_RULES} from './docusign.js'
import {DRIFT_RULES} from './drift.js'
import {DRIP_RULES} from './drip.js'
import {DROPBOX_SIGN_RULES} from './dropbox-sign.js'
import {DWOLLA_RULES} from './dwolla.js'
import {ECWID_RULES} from './ecwid.js'
import {ELASTIC_CLOUD_RULES} from './elastic-cloud.js'
import {ELASTIC_EMAIL_RULES} from './elastic-email.js'
import {ELEMENTOR_RULES} from './elementor.js'
import {EMAILOCTOPUS_RULES} from './emailoctopus.js'
import {ENV0_RULES} from './env0.js'
import {ENVATO_RULES} from './envato.js'
import {ETHERSCAN_RULES} from './etherscan.js'
import {EVERHOUR_RULES} from './everhour.js'
import {EXA_RULES} from './exa.js'
import {EXOSCALE_RULES} from './exoscale.js'
import {EXPO_RULES} from './expo.js'
import {FAL_AI_RULES} from './fal-ai.js'
import {FAUNA_RULES} from './fauna.js'
import {FEISHU_RULES} from './feishu.js'
import {FEISHU_WEBHOOK_RULES} from './feishu-webhook.js'
import {FIGMA_RULES} from './figma.js'
import {FILESTACK_RULES} from './filestack.js'
import {FIREBASE_CLOUD_MESSAGING_RULES} from './firebase-cloud-messaging.js'
import {FIRECRAWL_RULES} from './firecrawl.js'
import {FIREWORKS_AI_RULES} from './fireworks-ai.js'
import {FIVETRAN_RULES} from './fivetran.js'
import {FLAGSMITH_RULES} from './flagsmith.js'
import {FLOAT_RULES} from './float.js'
import {FOURSQUARE_RULES} from './foursquare.js'
import {FRESHWORKS_RULES} from './freshworks.js'
import {FRONT_RULES} from './front.js'
import {FULLSTORY_RULES} from './fullstory.js'
import {FUSIONAUTH_RULES} from './fusionauth.js'
import {GANDI_RULES} from './gandi.js'
import {GEOAPIFY_RULES} from './geoapify.js'
import {GETRESPONSE_RULES} from './getresponse.js'
import {GETSTREAM_RULES} from './getstream.js'
import {GHOST_RULES} from './ghost.js'
import {GITEA_RULES} from './gitea.js'
import {GITGUARDIAN_RULES} from './gitguardian.js'
import {GITPOD_RULES} from './gitpod.js'
import {GLADIA_RULES} from './gladia.js'
import {GODADDY_RULES} from './godaddy.js'
import {GONG_RULES} from './gong.js'
import {GOOGLE_ADS_RULES} from './google-ads.js'
import {GOOGLE_ANALYTICS_RULES} from './google-analytics.js'
import {GOOGLE_CHAT_RULES} from './google-chat.js'
import {GOOGLE_RECAPTCHA_RULES} from './google-recaptcha.js'
import {GORGIAS_RULES} from './gorgias.js'
import {GRADLE_RULES} from './gradle.js'
import {GUMROAD_RULES} from './gumroad.js'
import {HARVEST_RULES} from './harvest.js'
import {HASURA_RULES} from './hasura.js'
import {HCAPTCHA_RULES} from './hcaptcha.js'
import {HEALTHCHECKS_IO_RULES} from './healthchecks-io.js'
import {HEAP_RULES} from './heap.js'
import {HELICONE_RULES} from './helicone.js'
import {HELP_SCOUT_RULES} from './help-scout.js'
import {HERE_RULES} from './here.js'
import {HETZNER_CLOUD_RULES} from './hetzner-cloud.js'
import {HEX_PM_RULES} from './hex-pm.js'
import {HIGHLEVEL_RULES} from './highlevel.js'
import {HONEYBADGER_RULES} from './honeybadger.js'
import {HONEYCOMB_RULES} from './honeycomb.js'
import {HOOTSUITE_RULES} from './hootsuite.js'
import {HUAWEI_CLOUD_RULES} from './huawei-cloud.js'
import {HUMANLOOP_RULES} from './humanloop.js'
import {HUME_AI_RULES} from './hume-ai.js'
import {HUNTER_RULES} from './hunter.js'
import {HYGRAPH_RULES} from './hygraph.js'
import {IBM_CLOUD_RULES} from './ibm-cloud.js'
import {IDEOGRAM_RULES} from './ideogram.js'
import {IFTTT_RULES} from './ifttt.js'
import {IMAGEKIT_RULES} from './imagekit.js'
import {IMGIX_RULES} from './imgix.js'
import {INCIDENT_IO_RULES} from './incident-io.js'
import {INFISICAL_RULES} from './infisical.js'
import {INFLUXDB_RULES} from './influxdb.js'
import {INFOBIP_RULES} from './infobip.js'
import {INFURA_RULES} from './infura.js'
import {INNGEST_RULES} from './inngest.js'
import {INSIGHTLY_RULES} from './insightly.js'
import {INSTANA_RULES} from './instana.js'
import {IPGEOLOCATION_RULES} from './ipgeolocation.js'
import {IPINFO_RULES} from './ipinfo.js'
import {IPSTACK_RULES} from './ipstack.js'
import {ITERABLE_RULES} from './iterable.js'
import {JENKINS_RULES} from './jenkins.js'
import {JINA_AI_RULES} from './jina-ai.js'
import {JOTFORM_RULES} from './jotform.js'
import {JUMPCLOUD_RULES} from './jumpcloud.js'
import {KANDJI_RULES} from './kandji.js'
import {KEAP_RULES} from './keap.js'
import {KICKBOX_RULES} from './kickbox.js'
import {KINSTA_RULES} from './kinsta.js'
import {KIT_RULES} from './kit.js'
import {KLAVIYO_RULES} from './klaviyo.js'
import {KONTENT_AI_RULES} from './kontent-ai.js'
import {KOYEB_RULES} from './koyeb.js'
import {KUSTOMER_RULES} from './kustomer.js'
import {LAMBDATEST_RULES} from './lambdatest.js'
import {LANGFUSE_RULES} from './langfuse.js'
import {LEMON_SQUEEZY_RULES} from './lemon-squeezy.js'
import {LEONARDO_AI_RULES} from './leonardo-ai.js'
import {LICHESS_RULES} from './lichess.js'
import {LIGHTSTEP_RULES} from './lightstep.js'
import {LINE_RULES} from './line.js'
import {LINODE_RULES} from './linode.js'
import {LIVEBLOCKS_RULES} from './liveblocks.js'
import {LIVECHAT_RULES} from './livechat.js'
import {LLAMAINDEX_RULES} from './llamaindex.js'
import {LOCATIONIQ_RULES} from './locationiq.js'
import {LOGGLY_RULES} from './loggly.js'
import {LOGZ_IO_RULES} from './logz-io.js'
import {LOKALISE_RULES} from './lokalise.js'
import {LOOPS_RULES} from './loops.js'
import {MAGENTO_RULES} from './magento.js'
import {MAILERLITE_RULES} from './mailerlite.js'
import {MAILERSEND_RULES} from './mailersend.js'
import {MAILJET_RULES} from './mailjet.js'
import {MAILTRAP_RULES} from './mailtrap.js'
import {MAKE_RULES} from './make.js'
import {MANDRILL_RULES} from './mandrill.js'
import {MAPTILER_RULES} from './maptiler.js'
import {MARKETO_RULES} from './marketo.js'
import {MAXIO_RULES} from './maxio.js'
import {MEILISEARCH_RULES} from './meilisearch.js'
import {MEM0_RULES} from './mem0.js'
import {MERCADO_PAGO_RULES} from './mercado-pago.js'
import {METABASE_RULES} from './metabase.js'
import {MEZMO_RULES} from './mezmo.js'
import {MIDTRANS_RULES} from './midtrans.js'
import {MINIMAX_RULES} from './minimax.js'
import {MIRO_RULES} from './miro.js'
import {MIXPANEL_RULES} from './mixpanel.js'
import {MODAL_RULES} from './modal.js'
import {MOLLIE_RULES} from './mollie.js'
import {MONDAY_RULES} from './monday.js'
import {MONGODB_ATLAS_RULES} from './mongodb-atlas.js'
import {MOONSHOT_AI_RULES} from './moonshot-ai.js'
import {MOOSEND_RULES} from './moosend.js'
import {MORALIS_RULES} from './moralis.js'
import {MOZ_RULES} from './moz.js'
import {MUX_RULES} from './mux.js'
import {N8N_RULES} from './n8n.js'
import {NAMECHEAP_RULES} from './namecheap.js'
import {NEBIUS_RULES} from './nebius.js'
import {NEON_RULES} from './neon.js'
import {NEVERBOUNCE_RULES} from './neverbounce.js'
import {NEWSAPI_RULES} from './newsapi.js'
import {NGROK_RULES} from './ngrok.js'
import {NORTHFLANK_RULES} from './northflank.js'
import {NOVU_RULES} from './novu.js'
import {NTFY_RULES} from './ntfy.js'
import {NUGET_RULES} from './nuget.js'
import {NVIDIA_RULES} from './nvidia.js'
import {NX_CLOUD_RULES} from './nx-cloud.js'
import {OKX_RULES} from './okx.js'
import {OMNISEND_RULES} from './omnisend.js'
import {ONESIGNAL_RULES} from './onesignal.js'
import {OPENWEATHER_RULES} from './openweather.js'
import {OPSGENIE_RULES} from './opsgenie.js'
import {OPTIMIZELY_RULES} from './optimizely.js'
import {ORY_RULES} from './ory.js'
import {OUTSETA_RULES} from './outseta.js'
import {OVHCLOUD_RULES} from './ovhcloud.js'
import {PACKAGECLOUD_RULES} from './packagecloud.js'
import {PADDLE_RULES} from './paddle.js'
import {PAGERDUTY_RULES} from './pagerduty.js'
import {PANDADOC_RULES} from './pandadoc.js'
import {PANTHEON_RULES} from './pantheon.js'
import {PAPERTRAIL_RULES} from './papertrail.js'
import {PATREON_RULES} from './patreon.js'
import {PAYPAL_RULES} from './paypal.js'
import {PEOPLE_DATA_LABS_RULES} from './people-data-labs.js'
import {PERCY_RULES} from './percy.js'
import {PERIGON_RULES} from './perigon.js'
import {PHRASE_RULES} from './phrase.js'
import {PINATA_RULES} from './pinata.js'
import {PINTEREST_RULES} from './pinterest.js'
import {PIPEDREAM_RULES} from './pipedream.js'
import {PIPEDRIVE_RULES} from './pipedrive.js'
import {PLATFORM_SH_RULES} from './platform-sh.js'
import {PLAUSIBLE_RULES} from './plausible.js'
import {PLAYHT_RULES} from './playht.js'
import {PLIVO_RULES} from './plivo.js'
import {POLYGON_IO_RULES} from './polygon-io.js'
import {PORKBUN_RULES} from './porkbun.js'
import {PORTAINER_RULES} from './portainer.js'
import {POSTHOG_RULES} from './posthog.js'
import {POSTMARK_RULES} from './postmark.js'
import {PRESTASHOP_RULES} from './prestashop.js'
import {PRINTFUL_RULES} from './printful.js'
import {PRISMIC_RULES} from './prismic.js'
import {PUB_DEV_RULES} from './pub-dev.js'
import {PUBNUB_RULES} from './pubnub.js'
import {PUSHBULLET_RULES} from './pushbullet.js'
import {PUSHER_RULES} from './pusher.js'
import {PUSHOVER_RULES} from './pushover.js'
import {QDRANT_RULES} from './qdrant.js'
import {QUAY_RULES} from './quay.js'
import {QUICKBOOKS_RULES} from './quickbooks.js'
import {RAILWAY_RULES} from './railway.js'
import {RANCHER_RULES} from './rancher.js'
import {RAYGUN_RULES} from './raygun.js'
import {RAZORPAY_RULES} from './razorpay.js'
import {REBRANDLY_RULES} from './rebrandly.js'
import {RECHARGE_RULES} from './recharge.js'
import {RECURLY_RULES} from './recurly.js'
import {REDDIT_RULES} from './reddit.js'
import {REDIS_CLOUD_RULES} from './redis-cloud.js'
import {RENDER_RULES} from './render.js'
import {REPLIT_RULES} from './replit.js'
import {RESEMBLE_AI_RULES} from './resemble-ai.js'
import {RESEND_RULES} from './resend.js'
import {REV_AI_RULES} from './rev-ai.js'
import {RIOT_GAMES_RULES} from './riot-games.js'
import {ROBOFLOW_RULES} from './roboflow.js'
import {ROCKET_CHAT_RULES} from './rocket-chat.js'
import {ROLLBAR_RULES} from './rollbar.js'
import {RUDDERSTACK_RULES} from './rudderstack.js'
import {RUNPOD_RULES} from './runpod.js'
import {SALESFORCE_RULES} from './salesforce.js'
import {SANITY_RULES} from './sanity.js'
import {SAUCE_LABS_RULES} from './sauce-labs.js'
import {SCALEWAY_RULES} from './scaleway.js'
import {SCOUT_APM_RULES} from './scout-apm.js'
import {SCRAPERAPI_RULES} from './scraperapi.js'
import {SCRAPINGBEE_RULES} from './scrapingbee.js'
import {SEGMENT_RULES} from './segment.js'
import {SEMAPHORE_RULES} from './semaphore.js'
import {SEMATEXT_RULES} from './sematext.js'
import {SEMGREP_RULES} from './semgrep.js'
import {SEMRUSH_RULES} from './semrush.js'
import {SENDCLOUD_RULES} from './sendcloud.js'
import {SENDER_NET_RULES} from './sender-net.js'
import {SENDPULSE_RULES} from './sendpulse.js'
import {SERPAPI_RULES} from './serpapi.js'
import {SHIPENGINE_RULES} from './shipengine.js'
import {SHIPSTATION_RULES} from './shipstation.js'
import {SILICONFLOW_RULES} from './siliconflow.js'
import {SINCH_RULES} from './sinch.js'
import {SMARTLING_RULES} from './smartling.js'
import {SMARTSHEET_RULES} from './smartsheet.js'
import {SMTP2GO_RULES} from './smtp2go.js'
import {SNAPCHAT_RULES} from './snapchat.js'
import {SOCKET_DEV_RULES} from './socket-dev.js'
import {SPACELIFT_RULES} from './spacelift.js'
import {SPARKPOST_RULES} from './sparkpost.js'
import {SPEECHMATICS_RULES} from './speechmatics.js'
import {SPLIT_IO_RULES} from './split-io.js'
import {SPLUNK_RULES} from './splunk.js'
import {SPOTIFY_RULES} from './spotify.js'
import {SPROUT_SOCIAL_RULES} from './sprout-social.js'
import {STABILITY_AI_RULES} from './stability-ai.js'
import {STATSIG_RULES} from './statsig.js'
import {STATUSCAKE_RULES} from './statuscake.js'
import {STATUSPAGE_RULES} from './statuspage.js'
import {STEAM_RULES} from './steam.js'
import {STORYBLOK_RULES} from './storyblok.js'
import {STRAPI_RULES} from './strapi.js'
import {STYTCH_RULES} from './stytch.js'
import {SUMUP_RULES} from './sumup.js'
import {SURVEYMONKEY_RULES} from './surveymonkey.js'
import {TAILSCALE_RULES} from './tailscale.js'
import {TALLY_RULES} from './tally.js'
import {TAVILY_RULES} from './tavily.js'
import {TAXJAR_RULES} from './taxjar.js'
import {TEACHABLE_RULES} from './teachable.js'
import {TEAMCITY_RULES} from './teamcity.js'
import {TEAMWORK_RULES} from './teamwork.js'
import {TELNYX_RULES} from './telnyx.js'
import {TENCENT_CLOUD_RULES} from './tencent-cloud.js'
import {TEXTMAGIC_RULES} from './textmagic.js'
import {THINKIFIC_RULES} from './thinkific.js'
import {TIKTOK_RULES} from './tiktok.js'
import {TINYBIRD_RULES} from './tinybird.js'
import {TODOIST_RULES} from './todoist.js'
import {TOGETHER_AI_RULES} from './together-ai.js'
import {TOGGL_RULES} from './toggl.js'
import {TOMORROW_IO_RULES} from './tomorrow-io.js'
import {TOMTOM_RULES} from './tomtom.js'
import {TRANSIFEX_RULES} from './transifex.js'
import {TRANSLOADIT_RULES} from './transloadit.js'
import {TRIGGER_DEV_RULES} from './trigger-dev.js'
import {TURBOREPO_RULES} from './turborepo.js'
import {TYPESENSE_RULES} from './typesense.js'
import {UNLEASH_RULES} from './unleash.js'
import {UNSPLASH_RULES} from './unsplash.js'
import {UNSTRUCTURED_RULES} from './unstructured.js'
import {UPLOADCARE_RULES} from './uploadcare.js'
import {UPLOADTHING_RULES} from './uploadthing.js'
import {UPSTASH_RULES} from './upstash.js'
import {UPTIMEROBOT_RULES} from './uptimerobot.js'
import {VAPI_RULES} from './vapi.js'
import {VERCEL_BLOB_RULES} from './vercel-blob.js'
import {VIMEO_RULES} from './vimeo.js'
import {VOLCENGINE_ARK_RULES} from './volcengine-ark.js'
import {VONAGE_RULES} from './vonage.js'
import {VOYAGE_AI_RULES} from './voyage-ai.js'
import {VULTR_RULES} from './vultr.js'
import {WASABI_RULES} from './wasabi.js'
import {WEAVIATE_RULES} from './weaviate.js'
import {WEBEX_RULES} from './webex.js'
import {WEBFLOW_RULES} from './webflow.js'
import {WECOM_RULES} from './wecom.js'
import {WEIGHTS_AND_BIASES_RULES} from './weights-and-biases.js'
import {WISE_RULES} from './wise.js'
import {WISTIA_RULES} from './wistia.js'
import {WIX_RULES} from './wix.js'
import {WIZ_RULES} from './wiz.js'
import {WOOCOMMERCE_RULES} from './woocommerce.js'
import {WORDPRESS_RULES} from './wordpress.js'
import {WORKOS_RULES} from './workos.js'
import {WP_ENGINE_RULES} from './wp-engine.js'
import {WRIKE_RULES} from './wrike.js'
import {WRITER_RULES} from './writer.js'
import {XATA_RULES} from './xata.js'
import {XENDIT_RULES} from './xendit.js'
import {XERO_RULES} from './xero.js'
import {YELP_RULES} from './yelp.js'
import {YOTPO_RULES} from './yotpo.js'
import {ZAPIER_RULES} from './zapier.js'
import {ZEPTOMAIL_RULES} from './zeptomail.js'
import {ZEROBOUNCE_RULES} from './zerobounce.js'
import {ZEROTIER_RULES} from './zerotier.js'
import {ZHIPU_AI_RULES} from './zhipu-ai.js'
import {ZILLIZ_CLOUD_RULES} from './zilliz-cloud.js'
import {ZOHO_RULES} from './zoho.js'
import {ZOOM_RULES} from './zoom.js'
import {ZULIP_RULES} from './zulip.js'
import {ZUORA_RULES} from './zuora.js'
import {ZYTE_RULES} from './zyte.js'

/** Rules for providers added one file each (issue 16's breadth), sorted by id. */
export const PROVIDER_RULES: readonly Rule[] = [
  ...ABLY_RULES,
  ...ABSTRACT_API_RULES,
  ...ACQUIA_RULES,
  ...ACTIVECAMPAIGN_RULES,
  ...ACUITY_SCHEDULING_RULES,
  ...ADYEN_RULES,
  ...AFFINITY_RULES,
  ...AFTERSHIP_RULES,
  ...AGORA_RULES,
  ...AHREFS_RULES,
  ...AI21_RULES,
  ...AIRBRAKE_RULES,
  ...AIRBYTE_RULES,
  ...AIRCALL_RULES,
  ...AIVEN_RULES,
  ...AKAMAI_RULES,
  ...ALCHEMY_RULES,
  ...ALPACA_RULES,
  ...ALPHA_VANTAGE_RULES,
  ...AMAZON_BEDROCK_RULES,
  ...AMPLITUDE_RULES,
  ...ANCHOR_BROWSER_RULES,
  ...ANYSCALE_RULES,
  ...APIFY_RULES,
  ...APOLLO_GRAPHQL_RULES,
  ...APOLLO_IO_RULES,
  ...APPLE_APP_STORE_RULES,
  ...APPSIGNAL_RULES,
  ...APPWRITE_RULES,
  ...ARGO_CD_RULES,
  ...ASSEMBLYAI_RULES,
  ...ATTIO_RULES,
  ...AUTH0_RULES,
  ...AUTHORIZE_NET_RULES,
  ...AVALARA_RULES,
  ...AWEBER_RULES,
  ...AXIOM_RULES,
  ...AZURE_AI_SEARCH_RULES,
  ...AZURE_APP_CONFIGURATION_RULES,
  ...AZURE_COMMUNICATION_SERVICES_RULES,
  ...AZURE_CONTAINER_REGISTRY_RULES,
  ...AZURE_DEVOPS_RULES,
  ...AZURE_FUNCTIONS_RULES,
  ...AZURE_SAS_RULES,
  ...AZURE_SERVICE_BUS_RULES,
  ...AZURE_STORAGE_RULES,
  ...BACKBLAZE_B2_RULES,
  ...BANDWIDTH_RULES,
  ...BASECAMP_RULES,
  ...BASETEN_RULES,
  ...BEEHIIV_RULES,
  ...BETTER_STACK_RULES,
  ...BIGCOMMERCE_RULES,
  ...BINANCE_RULES,
  ...BITFINEX_RULES,
  ...BITLY_RULES,
  ...BITRISE_RULES,
  ...BITWARDEN_RULES,
  ...BOX_RULES,
  ...BRAINTREE_RULES,
  ...BRAVE_SEARCH_RULES,
  ...BRAZE_RULES,
  ...BROWSERBASE_RULES,
  ...BROWSERLESS_RULES,
  ...BROWSERSTACK_RULES,
  ...BUGSNAG_RULES,
  ...BUILDER_IO_RULES,
  ...BUILDKITE_RULES,
  ...BUNNY_NET_RULES,
  ...BUTTONDOWN_RULES,
  ...BYBIT_RULES,
  ...CAL_COM_RULES,
  ...CALENDLY_RULES,
  ...CAMPAIGN_MONITOR_RULES,
  ...CANVA_RULES,
  ...CARTESIA_RULES,
  ...CEREBRAS_RULES,
  ...CHARGEBEE_RULES,
  ...CHECKLY_RULES,
  ...CHECKOUT_COM_RULES,
  ...CHROMATIC_RULES,
  ...CIRCLE_SO_RULES,
  ...CIRCLECI_RULES,
  ...CIVO_RULES,
  ...CLARIFAI_RULES,
  ...CLEARBIT_RULES,
  ...CLICKSEND_RULES,
  ...CLICKUP_RULES,
  ...CLOCKIFY_RULES,
  ...CLOUDFLARE_TURNSTILE_RULES,
  ...CLOUDINARY_RULES,
  ...CLOUDSMITH_RULES,
  ...CLOUDWAYS_RULES,
  ...COCKROACHDB_CLOUD_RULES,
  ...CODA_RULES,
  ...CODACY_RULES,
  ...CODEFRESH_RULES,
  ...CODER_RULES,
  ...COMMERCETOOLS_RULES,
  ...CONFIGCAT_RULES,
  ...CONSTANT_CONTACT_RULES,
  ...CONTENTSTACK_RULES,
  ...CONVEX_RULES,
  ...COPPER_RULES,
  ...CORALOGIX_RULES,
  ...COVEO_RULES,
  ...COVERALLS_RULES,
  ...CRATES_IO_RULES,
  ...CRISP_RULES,
  ...CRONITOR_RULES,
  ...CROWDIN_RULES,
  ...CROWDSTRIKE_RULES,
  ...CUSTOMER_IO_RULES,
  ...CYPRESS_CLOUD_RULES,
  ...DASHSCOPE_RULES,
  ...DATAFORSEO_RULES,
  ...DATOCMS_RULES,
  ...DBT_CLOUD_RULES,
  ...DEEPGRAM_RULES,
  ...DEEPINFRA_RULES,
  ...DEEPL_RULES,
  ...DEEPSEEK_RULES,
  ...DEEPSOURCE_RULES,
  ...DENO_DEPLOY_RULES,
  ...DESCOPE_RULES,
  ...DINGTALK_RULES,
  ...DIRECTUS_RULES,
  ...DISCOURSE_RULES,
  ...DISQUS_RULES,
  ...DNSIMPLE_RULES,
  ...DOCUSIGN_RULES,
  ...DRIFT_RULES,
  ...DRIP_RULES,
  ...DROPBOX_SIGN_RULES,
  ...DWOLLA_RULES,
  ...ECWID_RULES,
  ...ELASTIC_CLOUD_RULES,
  ...ELASTIC_EMAIL_RULES,
  ...ELEMENTOR_RULES,
  ...EMAILOCTOPUS_RULES,
  ...ENV0_RULES,
  ...ENVATO_RULES,
  ...ETHERSCAN_RULES,
  ...EVERHOUR_RULES,
  ...EXA_RULES,
  ...EXOSCALE_RULES,
  ...EXPO_RULES,
  ...FAL_AI_RULES,
  ...FAUNA_RULES,
  ...FEISHU_RULES,
  ...FEISHU_WEBHOOK_RULES,
  ...FIGMA_RULES,
  ...FILESTACK_RULES,
  ...FIREBASE_CLOUD_MESSAGING_RULES,
  ...FIRECRAWL_RULES,
  ...FIREWORKS_AI_RULES,
  ...FIVETRAN_RULES,
  ...FLAGSMITH_RULES,
  ...FLOAT_RULES,
  ...FOURSQUARE_RULES,
  ...FRESHWORKS_RULES,
  ...FRONT_RULES,
  ...FULLSTORY_RULES,
  ...FUSIONAUTH_RULES,
  ...GANDI_RULES,
  ...GEOAPIFY_RULES,
  ...GETRESPONSE_RULES,
  ...GETSTREAM_RULES,
  ...GHOST_RULES,
  ...GITEA_RULES,
  ...GITGUARDIAN_RULES,
  ...GITPOD_RULES,
  ...GLADIA_RULES,
  ...GODADDY_RULES,
  ...GONG_RULES,
  ...GOOGLE_ADS_RULES,
  ...GOOGLE_ANALYTICS_RULES,
  ...GOOGLE_CHAT_RULES,
  ...GOOGLE_RECAPTCHA_RULES,
  ...GORGIAS_RULES,
  ...GRADLE_RULES,
  ...GUMROAD_RULES,
  ...HARVEST_RULES,
  ...HASURA_RULES,
  ...HCAPTCHA_RULES,
  ...HEALTHCHECKS_IO_RULES,
  ...HEAP_RULES,
  ...HELICONE_RULES,
  ...HELP_SCOUT_RULES,
  ...HERE_RULES,
  ...HETZNER_CLOUD_RULES,
  ...HEX_PM_RULES,
  ...HIGHLEVEL_RULES,
  ...HONEYBADGER_RULES,
  ...HONEYCOMB_RULES,
  ...HOOTSUITE_RULES,
  ...HUAWEI_CLOUD_RULES,
  ...HUMANLOOP_RULES,
  ...HUME_AI_RULES,
  ...HUNTER_RULES,
  ...HYGRAPH_RULES,
  ...IBM_CLOUD_RULES,
  ...IDEOGRAM_RULES,
  ...IFTTT_RULES,
  ...IMAGEKIT_RULES,
  ...IMGIX_RULES,
  ...INCIDENT_IO_RULES,
  ...INFISICAL_RULES,
  ...INFLUXDB_RULES,
  ...INFOBIP_RULES,
  ...INFURA_RULES,
  ...INNGEST_RULES,
  ...INSIGHTLY_RULES,
  ...INSTANA_RULES,
  ...IPGEOLOCATION_RULES,
  ...IPINFO_RULES,
  ...IPSTACK_RULES,
  ...ITERABLE_RULES,
  ...JENKINS_RULES,
  ...JINA_AI_RULES,
  ...JOTFORM_RULES,
  ...JUMPCLOUD_RULES,
  ...KANDJI_RULES,
  ...KEAP_RULES,
  ...KICKBOX_RULES,
  ...KINSTA_RULES,
  ...KIT_RULES,
  ...KLAVIYO_RULES,
  ...KONTENT_AI_RULES,
  ...KOYEB_RULES,
  ...KUSTOMER_RULES,
  ...LAMBDATEST_RULES,
  ...LANGFUSE_RULES,
  ...LEMON_SQUEEZY_RULES,
  ...LEONARDO_AI_RULES,
  ...LICHESS_RULES,
  ...LIGHTSTEP_RULES,
  ...LINE_RULES,
  ...LINODE_RULES,
  ...LIVEBLOCKS_RULES,
  ...LIVECHAT_RULES,
  ...LLAMAINDEX_RULES,
  ...LOCATIONIQ_RULES,
  ...LOGGLY_RULES,
  ...LOGZ_IO_RULES,
  ...LOKALISE_RULES,
  ...LOOPS_RULES,
  ...MAGENTO_RULES,
  ...MAILERLITE_RULES,
  ...MAILERSEND_RULES,
  ...MAILJET_RULES,
  ...MAILTRAP_RULES,
  ...MAKE_RULES,
  ...MANDRILL_RULES,
  ...MAPTILER_RULES,
  ...MARKETO_RULES,
  ...MAXIO_RULES,
  ...MEILISEARCH_RULES,
  ...MEM0_RULES,
  ...MERCADO_PAGO_RULES,
  ...METABASE_RULES,
  ...MEZMO_RULES,
  ...MIDTRANS_RULES,
  ...MINIMAX_RULES,
  ...MIRO_RULES,
  ...MIXPANEL_RULES,
  ...MODAL_RULES,
  ...MOLLIE_RULES,
  ...MONDAY_RULES,
  ...MONGODB_ATLAS_RULES,
  ...MOONSHOT_AI_RULES,
  ...MOOSEND_RULES,
  ...MORALIS_RULES,
  ...MOZ_RULES,
  ...MUX_RULES,
  ...N8N_RULES,
  ...NAMECHEAP_RULES,
  ...NEBIUS_RULES,
  ...NEON_RULES,
  ...NEVERBOUNCE_RULES,
  ...NEWSAPI_RULES,
  ...NGROK_RULES,
  ...NORTHFLANK_RULES,
  ...NOVU_RULES,
  ...NTFY_RULES,
  ...NUGET_RULES,
  ...NVIDIA_RULES,
  ...NX_CLOUD_RULES,
  ...OKX_RULES,
  ...OMNISEND_RULES,
  ...ONESIGNAL_RULES,
  ...OPENWEATHER_RULES,
  ...OPSGENIE_RULES,
  ...OPTIMIZELY_RULES,
  ...ORY_RULES,
  ...OUTSETA_RULES,
  ...OVHCLOUD_RULES,
  ...PACKAGECLOUD_RULES,
  ...PADDLE_RULES,
  ...PAGERDUTY_RULES,
  ...PANDADOC_RULES,
  ...PANTHEON_RULES,
  ...PAPERTRAIL_RULES,
  ...PATREON_RULES,
  ...PAYPAL_RULES,
  ...PEOPLE_DATA_LABS_RULES,
  ...PERCY_RULES,
  ...PERIGON_RULES,
  ...PHRASE_RULES,
  ...PINATA_RULES,
  ...PINTEREST_RULES,
  ...PIPEDREAM_RULES,
  ...PIPEDRIVE_RULES,
  ...PLATFORM_SH_RULES,
  ...PLAUSIBLE_RULES,
  ...PLAYHT_RULES,
  ...PLIVO_RULES,
  ...POLYGON_IO_RULES,
  ...PORKBUN_RULES,
  ...PORTAINER_RULES,
  ...POSTHOG_RULES,
  ...POSTMARK_RULES,
  ...PRESTASHOP_RULES,
  ...PRINTFUL_RULES,
  ...PRISMIC_RULES,
  ...PUB_DEV_RULES,
  ...PUBNUB_RULES,
  ...PUSHBULLET_RULES,
  ...PUSHER_RULES,
  ...PUSHOVER_RULES,
  ...QDRANT_RULES,
  ...QUAY_RULES,
  ...QUICKBOOKS_RULES,
  ...RAILWAY_RULES,
  ...RANCHER_RULES,
  ...RAYGUN_RULES,
  ...RAZORPAY_RULES,
  ...REBRANDLY_RULES,
  ...RECHARGE_RULES,
  ...RECURLY_RULES,
  ...REDDIT_RULES,
  ...REDIS_CLOUD_RULES,
  ...RENDER_RULES,
  ...REPLIT_RULES,
  ...RESEMBLE_AI_RULES,
  ...RESEND_RULES,
  ...REV_AI_RULES,
  ...RIOT_GAMES_RULES,
  ...ROBOFLOW_RULES,
  ...ROCKET_CHAT_RULES,
  ...ROLLBAR_RULES,
  ...RUDDERSTACK_RULES,
  ...RUNPOD_RULES,
  ...SALESFORCE_RULES,
  ...SANITY_RULES,
  ...SAUCE_LABS_RULES,
  ...SCALEWAY_RULES,
  ...SCOUT_APM_RULES,
  ...SCRAPERAPI_RULES,
  ...SCRAPINGBEE_RULES,
  ...SEGMENT_RULES,
  ...SEMAPHORE_RULES,
  ...SEMATEXT_RULES,
  ...SEMGREP_RULES,
  ...SEMRUSH_RULES,
  ...SENDCLOUD_RULES,
  ...SENDER_NET_RULES,
  ...SENDPULSE_RULES,
  ...SERPAPI_RULES,
  ...SHIPENGINE_RULES,
  ...SHIPSTATION_RULES,
  ...SILICONFLOW_RULES,
  ...SINCH_RULES,
  ...SMARTLING_RULES,
  ...SMARTSHEET_RULES,
  ...SMTP2GO_RULES,
  ...SNAPCHAT_RULES,
  ...SOCKET_DEV_RULES,
  ...SPACELIFT_RULES,
  ...SPARKPOST_RULES,
  ...SPEECHMATICS_RULES,
  ...SPLIT_IO_RULES,
  ...SPLUNK_RULES,
  ...SPOTIFY_RULES,
  ...SPROUT_SOCIAL_RULES,
  ...STABILITY_AI_RULES,
  ...STATSIG_RULES,
  ...STATUSCAKE_RULES,
  ...STATUSPAGE_RULES,
  ...STEAM_RULES,
  ...STORYBLOK_RULES,
  ...STRAPI_RULES,
  ...STYTCH_RULES,
  ...SUMUP_RULES,
  ...SURVEYMONKEY_RULES,
  ...TAILSCALE_RULES,
  ...TALLY_RULES,
  ...TAVILY_RULES,
  ...TAXJAR_RULES,
  ...TEACHABLE_RULES,
  ...TEAMCITY_RULES,
  ...TEAMWORK_RULES,
  ...TELNYX_RULES,
  ...TENCENT_CLOUD_RULES,
  ...TEXTMAGIC_RULES,
  ...THINKIFIC_RULES,
  ...TIKTOK_RULES,
  ...TINYBIRD_RULES,
  ...TODOIST_RULES,
  ...TOGETHER_AI_RULES,
  ...TOGGL_RULES,
  ...TOMORROW_IO_RULES,
  ...TOMTOM_RULES,
  ...TRANSIFEX_RULES,
  ...TRANSLOADIT_RULES,
  ...TRIGGER_DEV_RULES,
  ...TURBOREPO_RULES,
  ...TYPESENSE_RULES,
  ...UNLEASH_RULES,
  ...UNSPLASH_RULES,
  ...UNSTRUCTURED_RULES,
  ...UPLOADCARE_RULES,
  ...UPLOADTHING_RULES,
  ...UPSTASH_RULES,
  ...UPTIMEROBOT_RULES,
  ...VAPI_RULES,
  ...VERCEL_BLOB_RULES,
  ...VIMEO_RULES,
  ...VOLCENGINE_ARK_RULES,
  ...VONAGE_RULES,
  ...VOYAGE_AI_RULES,
  ...VULTR_RULES,
  ...WASABI_RULES,
  ...WEAVIATE_RULES,
  ...WEBEX_RULES,
  ...WEBFLOW_RULES,
  ...WECOM_RULES,
  ...WEIGHTS_AND_BIASES_RULES,
  ...WISE_RULES,
  ...WISTIA_RULES,
  ...WIX_RULES,
  ...WIZ_RULES,
  ...WOOCOMMERCE_RULES,
  ...WORDPRESS_RULES,
  ...WORKOS_RULES,
  ...WP_ENGINE_RULES,
  ...WRIKE_RULES,
  ...WRITER_RULES,
  ...XATA_RULES,
  ...XENDIT_RULES,
  ...XERO_RULES,
  ...YELP_RULES,
  ...YOTPO_RULES,
  ...ZAPIER_RULES,
  ...ZEPTOMAIL_RULES,
  ...ZEROBOUNCE_RULES,
  ...ZEROTIER_RULES,
  ...ZHIPU_AI_RULES,
  ...ZILLIZ_CLOUD_RULES,
  ...ZOHO_RULES,
  ...ZOOM_RULES,
  ...ZULIP_RULES,
  ...ZUORA_RULES,
  ...ZYTE_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
