// The only module that imports the MCP SDK: `outloop mcp` loads it with a dynamic import, so no other command
// pays for it at start-up.
import {Server} from '@modelcontextprotocol/sdk/server/index.js'
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool} from '@modelcontextprotocol/sdk/types.js'

import type {McpSession} from './results.js'
import type {ToolOutcome} from './results.js'

/** The two tools, described for the model. JSON Schema written out, so the SDK's zod layer is not needed. */
export function outloopTools(tenant: string): Tool[] {
  return [
    {
      name: 'list_services',
      title: 'List the services this client may call',
      description: `Lists the APIs the outloop policy grants the client ${tenant}: each service's name, its upstream host, and the methods and paths allowed with which of ${tenant}'s keys. Never shows a key.`,
      inputSchema: {type: 'object', properties: {}, additionalProperties: false},
      annotations: {title: 'List granted services', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false},
    },
    {
      name: 'call_api',
      title: "Call a granted API with the client's key",
      description: `Sends one HTTP request to a granted service through the outloop broker, which checks the policy, writes the audit log and attaches ${tenant}'s key: send no key yourself. GET and HEAD only read; POST, PUT, PATCH and DELETE can change the client's live account. Returns the status, a few response headers and the body (text, or base64 for binary; cut at 256 KB). A refusal comes back as an error with the reason.`,
      inputSchema: {
        type: 'object',
        properties: {
          service: {type: 'string', description: 'A service name from list_services, e.g. openai.'},
          method: {type: 'string', description: 'HTTP method: GET, HEAD, POST, PUT, PATCH, DELETE.'},
          path: {type: 'string', description: 'The path after the service, starting with "/", e.g. /v1/models. No query string here.'},
          query: {description: 'Query parameters: an object of names to values (or lists of values), or an encoded query string.', anyOf: [{type: 'object', additionalProperties: true}, {type: 'string'}]},
          headers: {type: 'object', description: 'Request headers (name to value). Leave out the key: outloop attaches it.', additionalProperties: {type: 'string'}},
          body: {description: 'Request body: a string is sent as is; any other JSON value is sent as JSON (content-type application/json).'},
        },
        required: ['service', 'method', 'path'],
        additionalProperties: false,
      },
      outputSchema: {
        type: 'object',
        properties: {
          status: {type: 'integer'},
          headers: {type: 'object', additionalProperties: {type: 'string'}},
          body: {type: 'string'},
          bodyEncoding: {type: 'string', enum: ['utf8', 'base64']},
          truncated: {type: 'boolean'},
          maskedValues: {type: 'integer'},
        },
        required: ['status', 'headers', 'body', 'bodyEncoding', 'truncated'],
      },
      annotations: {title: 'Call a granted API', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true},
    },
  ]
}

function toResult(outcome: ToolOutcome, withStructured: boolean): CallToolResult {
  return {
    content: [{type: 'text', text: outcome.text}],
    ...(outcome.isError ? {isError: true} : {}),
    ...(withStructured && outcome.structured && !outcome.isError ? {structuredContent: outcome.structured} : {}),
  }
}

/**
 * Serves `session` over stdin/stdout until the client hangs up (stdin ends) or a stop signal; resolves then.
 * A tool that throws becomes a tool error naming no more than the error's kind: the server keeps running.
 */
export async function serveMcpOverStdio(session: McpSession, info: {version: string; warn: (message: string) => void}): Promise<void> {
  const server = new Server(
    {name: 'outloop', title: `outloop (${session.tenant})`, version: info.version},
    {
      capabilities: {tools: {}},
      instructions: `Tools for the client ${session.tenant}. Call list_services first; then call_api for each request. Keys never pass through here: outloop's broker attaches them.`,
    },
  )
  server.setRequestHandler(ListToolsRequestSchema, async () => ({tools: outloopTools(session.tenant)}))
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    try {
      if (request.params.name === 'list_services') return toResult(await session.listServices(), true)
      if (request.params.name === 'call_api') return toResult(await session.callApi(request.params.arguments), true)
      return toResult({isError: true, text: `No tool named ${JSON.stringify(request.params.name.slice(0, 64))}: the tools are list_services and call_api.`}, false)
    } catch (error) {
      // A stack or a library's message may quote a request: only the kind is reported.
      info.warn(`A tool call failed inside outloop mcp (${(error as Error).name}).`)
      return toResult({isError: true, text: `outloop mcp hit an internal problem (${(error as Error).name}); the request may not have been sent.`}, false)
    }
  })
  const transport = new StdioServerTransport()
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve()
    process.stdin.once('end', () => resolve())
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await server.connect(transport)
  await closed
  await server.close().catch(() => {})
}
