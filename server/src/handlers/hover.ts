/** textDocument/hover: the engine's hoverAt over the cached lint result. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../engine/hover';
import { featureInput, type Drafts } from './drafts';
import { toRange } from './convert';

export async function hover(drafts: Drafts, params: HoverParams): Promise<Hover | null> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return null;
  const { lines } = analysis.result;
  const result = hoverAt(featureInput(analysis), lines.offsetAt(params.position));
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.span) };
}
