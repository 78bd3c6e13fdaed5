/** textDocument/foldingRange: one range per net section. */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import type { Drafts } from './drafts';
import { trimEnd } from './symbols';

export async function foldingRanges(drafts: Drafts, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  const { lines, model } = analysis.result;
  const ranges: FoldingRange[] = [];
  for (const net of model.nets) {
    const span = trimEnd(analysis.text, net.span);
    const startLine = lines.positionAt(span.start).line;
    const endLine = lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
