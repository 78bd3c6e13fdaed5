/** textDocument/codeLens: "12 measures · 3 incomplete" on each net heading. */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { localize } from '../engine';
import { summarizeNets } from '../engine/summary';
import type { Drafts } from './drafts';
import { toRange } from './convert';
import { MESSAGES } from './messages';
import { trimEnd } from './symbols';

/** Client command that shows the draft's problems (the Problems view). */
export const SHOW_PROBLEMS_COMMAND = 'fivenets.showProblems';

export async function codeLenses(drafts: Drafts, params: CodeLensParams): Promise<CodeLens[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  const { lines, model } = analysis.result;
  return summarizeNets(model, analysis.options.schema).map((summary): CodeLens => {
    const range = toRange(lines, trimEnd(analysis.text, summary.net.headingSpan));
    const title = localize(summary.measures === 1 ? MESSAGES.lensOne : MESSAGES.lens, analysis.locale, { count: summary.measures, incomplete: summary.incomplete });
    return { range, command: { title, command: SHOW_PROBLEMS_COMMAND, arguments: [analysis.uri, range.start.line, summary.net.netId] } };
  });
}
