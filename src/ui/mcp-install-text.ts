import type {McpHost} from '../mcp/install-edit.js'
import type {McpInstallOutcome, McpUninstallOutcome} from '../services/mcp-install.js'

const HOST_NAMES: Record<McpHost, string> = {'claude-code': 'Claude Code', cursor: 'Cursor', codex: 'Codex', 'claude-desktop': 'Claude Desktop'}

/** What the host does next with a new entry: when it reads the file, what it asks first. */
const NEXT_STEP: Record<McpHost, string> = {
  'claude-code': 'Claude Code asks once before it starts servers from a project .mcp.json; /mcp shows it.',
  cursor: "Cursor lists it in its MCP settings; turn it on there if it isn't.",
  codex: 'New Codex sessions start it (codex mcp list shows it).',
  'claude-desktop': 'Restart Claude Desktop to load it.',
}

/** What an install did, one line per fact (paths and names only). */
export function renderMcpInstallLines(outcome: McpInstallOutcome): string[] {
  const host = HOST_NAMES[outcome.host]
  if (outcome.action === 'unchanged') return [`${outcome.file} already starts outloop mcp for ${outcome.tenant} (${outcome.workspace}) as ${outcome.name}; nothing changed.`]
  const lines = [`${outcome.createdFile ? 'Created' : 'Added to'} ${outcome.file}: MCP server ${outcome.name}, which starts outloop mcp for ${outcome.tenant} (${outcome.workspace}).`]
  if (outcome.replaced === 'foreign') lines.push(`It replaced an entry of that name that outloop had not written; outloop mcp uninstall takes this one out but can't bring that one back.`)
  if (outcome.replaced === 'previous-install') lines.push('It replaced the entry outloop had installed there before.')
  lines.push(NEXT_STEP[outcome.host], `outloop mcp uninstall --workspace ${outcome.workspace} --for ${outcome.host} takes it out of ${host}'s file again.`)
  return lines
}

/** What an uninstall did. */
export function renderMcpUninstallLines(outcome: McpUninstallOutcome): string[] {
  const lines: string[] = []
  if (outcome.action === 'restored') lines.push(`Took MCP server ${outcome.name} out of ${outcome.file}: the file is byte for byte as it was before the install.`)
  else if (outcome.action === 'removed-file') lines.push(`Removed ${outcome.file}: the install had created it${outcome.removedDirs.length > 0 ? `, and ${outcome.removedDirs.join(', ')} with it` : ''}.`)
  else if (outcome.action === 'removed-entry') lines.push(`Took MCP server ${outcome.name} out of ${outcome.file}. The file was edited since the install, so only that entry was removed; your edits stay.`)
  else lines.push(`MCP server ${outcome.name} was no longer in ${outcome.file}; outloop's record of it is gone too.`)
  if (outcome.replacedForeign && outcome.action !== 'already-gone') lines.push('The entry of that name the install had replaced is not brought back.')
  return lines
}
