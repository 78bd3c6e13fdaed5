/** textDocument/hover: the engine's hoverAt over the cached lint result. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../engine/hover';
import { today, type Drafts } from './drafts';
import { toRange } from './convert';

export async function hover(drafts: Drafts, params: HoverParams): Promise<Hover | null> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return null;
  const { model, lines } = analysis.result;
  const result = hoverAt(
    {
      text: analysis.text,
      model,
      lines,
      schema: analysis.options.schema,
      glossary: analysis.glossary,
      roster: analysis.options.roster ?? [],
      locale: analysis.locale,
      today: today(),
      documentDate: analysis.documentDate,
    },
    lines.offsetAt(params.position),
  );
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.span) };
}
