/**
 * The JSON encoder of the stdio transport, with the diagnostics of a draft encoded from cached
 * bytes. A 1 M-character draft's report is 1,000 diagnostics (587 KB of JSON) and an edit
 * changes the diagnostics of one section, yet vscode-jsonrpc's encoder (JSON.stringify, then
 * Buffer.from) encoded all of them again for every version: 6 ms per edit on an idle machine,
 * and 1.2 MB of string plus 587 KB of buffer for the garbage collector. Here each diagnostic's
 * UTF-8 bytes are kept while its converted parts live (they are cached per section, see
 * documentDiagnostics.ts), split around the one value that changes per version (`data.version`), and
 * a report is joined from them. Every other message, and any diagnostic not recognised, goes
 * through JSON.stringify as before; test/lsp/encoder.test.ts checks the bytes are identical.
 *
 * vscode-jsonrpc takes a ContentTypeEncoder for exactly this (MessageWriterOptions); its
 * default cannot cache, as it sees only whole messages. The IPC transport (VS Code) has no
 * encoder hook: Node's process.send serialises there.
 */
import { randomUUID } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver/node';
import { stampVersion, type VersionlessDiagnostic } from './convert';
import { encodableOf, type Encodable } from './encodable';

/** One diagnostic's JSON, before and after its version number. */
interface Pieces {
  before: Buffer;
  after: Buffer;
}

const pieces = new WeakMap<VersionlessDiagnostic, Pieces>();
const VERSION_KEY = ',"data":{"version":';
// A version no document has, to find where it is written.
const PROBE_VERSION = -424242;

function piecesOf(parts: VersionlessDiagnostic): Pieces {
  let cached = pieces.get(parts);
  if (!cached) {
    const json = JSON.stringify(stampVersion(parts, PROBE_VERSION));
    // Keys and escaped strings come before `data`: its first occurrence is the real one.
    const at = json.indexOf(`${VERSION_KEY}${PROBE_VERSION}`) + VERSION_KEY.length;
    cached = { before: Buffer.from(json.slice(0, at), 'utf8'), after: Buffer.from(json.slice(at + String(PROBE_VERSION).length), 'utf8') };
    pieces.set(parts, cached);
  }
  return cached;
}

/** Is this item still what its parts stamp (nobody replaced or changed it)? */
function stampedFrom(item: Diagnostic, parts: VersionlessDiagnostic | null, version: number): parts is VersionlessDiagnostic {
  if (!parts) return false;
  const data = item.data as { version?: unknown; fix?: unknown; suggestions?: unknown } | undefined;
  const source = parts.diagnostic;
  return (
    item.range === source.range &&
    item.message === source.message &&
    item.code === source.code &&
    item.severity === source.severity &&
    item.source === source.source &&
    item.codeDescription === source.codeDescription &&
    data?.version === version &&
    data.fix === parts.fix &&
    data.suggestions === parts.suggestions &&
    Object.keys(item).length === (source.codeDescription ? 7 : 6) &&
    Object.keys(data).length === 3
  );
}

const COMMA = Buffer.from(',');

function encodeItems(items: readonly Diagnostic[], report: Encodable, out: Buffer[]): void {
  const version = Buffer.from(String(report.version), 'utf8');
  out.push(Buffer.from('['));
  for (let index = 0; index < items.length; index++) {
    if (index > 0) out.push(COMMA);
    const item = items[index];
    const parts = report.parts[index] ?? null;
    if (stampedFrom(item, parts, report.version)) {
      const { before, after } = piecesOf(parts);
      out.push(before, version, after);
    } else {
      out.push(Buffer.from(JSON.stringify(item), 'utf8'));
    }
  }
  out.push(Buffer.from(']'));
}

/** Where a message carries a registered report: publishDiagnostics' params, a pull report's result. */
function reportOf(message: Record<string, unknown>): { holder: 'params' | 'result'; key: 'diagnostics' | 'items'; items: readonly Diagnostic[]; report: Encodable } | null {
  const params = message.params as { diagnostics?: unknown } | undefined;
  if (message.method === 'textDocument/publishDiagnostics' && params && Array.isArray(params.diagnostics)) {
    const report = encodableOf(params.diagnostics as Diagnostic[]);
    if (report) return { holder: 'params', key: 'diagnostics', items: params.diagnostics as Diagnostic[], report };
  }
  const result = message.result as { items?: unknown } | undefined;
  if ('id' in message && result && typeof result === 'object' && Array.isArray(result.items)) {
    const report = encodableOf(result.items as Diagnostic[]);
    if (report) return { holder: 'result', key: 'items', items: result.items as Diagnostic[], report };
  }
  return null;
}

const SENTINEL = `\u0000fivenets-report-${randomUUID()}`;

/** The UTF-8 JSON of a JSON-RPC message: byte for byte what JSON.stringify and Buffer.from give. */
export function encodeMessage(message: unknown): Buffer {
  const found = message && typeof message === 'object' ? reportOf(message as Record<string, unknown>) : null;
  if (!found) return Buffer.from(JSON.stringify(message), 'utf8');
  const outer = message as Record<string, unknown>;
  // The same keys in the same order, the report's array replaced by a marker to split at.
  const shell = { ...outer, [found.holder]: { ...(outer[found.holder] as object), [found.key]: SENTINEL } };
  const json = JSON.stringify(shell);
  const marker = JSON.stringify(SENTINEL);
  const at = json.indexOf(marker);
  const out: Buffer[] = [Buffer.from(json.slice(0, at), 'utf8')];
  encodeItems(found.items, found.report, out);
  out.push(Buffer.from(json.slice(at + marker.length), 'utf8'));
  return Buffer.concat(out);
}

/** The ContentTypeEncoder for vscode-jsonrpc's StreamMessageWriter. */
export const cachedJsonEncoder = {
  name: 'application/json',
  encode: (message: unknown): Promise<Uint8Array> => Promise.resolve(encodeMessage(message)),
};
