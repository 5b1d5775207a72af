import type {Rule} from '../../types.js'
import {AI21_RULES} from './ai21.js'
import {AMAZON_BEDROCK_RULES} from './amazon-bedrock.js'
import {ANYSCALE_RULES} from './anyscale.js'
import {APIFY_RULES} from './apify.js'
import {ASSEMBLYAI_RULES} from './assemblyai.js'
import {BROWSERBASE_RULES} from './browserbase.js'
import {CARTESIA_RULES} from './cartesia.js'
import {CEREBRAS_RULES} from './cerebras.js'
import {CLARIFAI_RULES} from './clarifai.js'
import {DASHSCOPE_RULES} from './dashscope.js'
import {DEEPGRAM_RULES} from './deepgram.js'
import {DEEPINFRA_RULES} from './deepinfra.js'
import {DEEPSEEK_RULES} from './deepseek.js'
import {EXA_RULES} from './exa.js'
import {FAL_AI_RULES} from './fal-ai.js'
import {FIRECRAWL_RULES} from './firecrawl.js'
import {FIREWORKS_AI_RULES} from './fireworks-ai.js'
import {GLADIA_RULES} from './gladia.js'
import {HELICONE_RULES} from './helicone.js'
import {HUMANLOOP_RULES} from './humanloop.js'
import {JINA_AI_RULES} from './jina-ai.js'
import {LANGFUSE_RULES} from './langfuse.js'
import {LLAMAINDEX_RULES} from './llamaindex.js'
import {MODAL_RULES} from './modal.js'
import {MOONSHOT_AI_RULES} from './moonshot-ai.js'
import {NVIDIA_RULES} from './nvidia.js'
import {REPLIT_RULES} from './replit.js'
import {ROBOFLOW_RULES} from './roboflow.js'
import {RUNPOD_RULES} from './runpod.js'
import {SCRAPINGBEE_RULES} from './scrapingbee.js'
import {SERPAPI_RULES} from './serpapi.js'
import {STABILITY_AI_RULES} from './stability-ai.js'
import {TAVILY_RULES} from './tavily.js'
import {TOGETHER_AI_RULES} from './together-ai.js'
import {VAPI_RULES} from './vapi.js'
import {VOYAGE_AI_RULES} from './voyage-ai.js'
import {WEIGHTS_AND_BIASES_RULES} from './weights-and-biases.js'
import {ZHIPU_AI_RULES} from './zhipu-ai.js'

/** Rules for providers added one file each (issue 16's breadth), sorted by id. */
export const PROVIDER_RULES: readonly Rule[] = [
  ...AI21_RULES,
  ...AMAZON_BEDROCK_RULES,
  ...ANYSCALE_RULES,
  ...APIFY_RULES,
  ...ASSEMBLYAI_RULES,
  ...BROWSERBASE_RULES,
  ...CARTESIA_RULES,
  ...CEREBRAS_RULES,
  ...CLARIFAI_RULES,
  ...DASHSCOPE_RULES,
  ...DEEPGRAM_RULES,
  ...DEEPINFRA_RULES,
  ...DEEPSEEK_RULES,
  ...EXA_RULES,
  ...FAL_AI_RULES,
  ...FIRECRAWL_RULES,
  ...FIREWORKS_AI_RULES,
  ...GLADIA_RULES,
  ...HELICONE_RULES,
  ...HUMANLOOP_RULES,
  ...JINA_AI_RULES,
  ...LANGFUSE_RULES,
  ...LLAMAINDEX_RULES,
  ...MODAL_RULES,
  ...MOONSHOT_AI_RULES,
  ...NVIDIA_RULES,
  ...REPLIT_RULES,
  ...ROBOFLOW_RULES,
  ...RUNPOD_RULES,
  ...SCRAPINGBEE_RULES,
  ...SERPAPI_RULES,
  ...STABILITY_AI_RULES,
  ...TAVILY_RULES,
  ...TOGETHER_AI_RULES,
  ...VAPI_RULES,
  ...VOYAGE_AI_RULES,
  ...WEIGHTS_AND_BIASES_RULES,
  ...ZHIPU_AI_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
