/**
 * The status bar item for the active draft: nets present, measures, incomplete measures
 * (`$(checklist) 5/5 nets · 24 measures · 7 incomplete`), or for a schema without nets its
 * name (`$(checklist) Task Assignment · 12 measures · 3 incomplete`); the tooltip says which
 * schema the draft is checked against and why. The numbers and words come from the server
 * (`fivenets/documentStats`); clicking the item opens the Problems view.
 *
 * A Markdown file outside the include globs whose frontmatter names no schema shows a
 * dimmed "Five Nets: not a draft" (the extension's chrome: VS Code's display language);
 * clicking it runs "Treat as Policy Draft" (treatAsDraft.ts). Files left out on purpose
 * (ignore files, files.exclude, linting off, too large) show nothing.
 */
import { commands, Disposable, l10n, languages, StatusBarAlignment, ThemeColor, window, workspace, type LogOutputChannel, type StatusBarItem, type TextEditor } from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocumentStatsRequest, type DocumentStats, type DocumentStatsParams } from '../../shared/protocol';
import { TREAT_AS_DRAFT_COMMAND } from './treatAsDraft';

/** Coalesces bursts (typing publishes diagnostics often). */
const UPDATE_DELAY_MS = 150;

export function formatStats(stats: DocumentStats): { text: string; tooltip: string } {
  // The words describe the draft, so they come in the draft's language from the server.
  if (stats.text && stats.tooltip) return { text: `$(checklist) ${stats.text}`, tooltip: stats.tooltip };
  // A schema without nets (tasks) names itself where the nets would be counted.
  const byNets = stats.netsTotal > 0;
  const parts = [
    byNets ? l10n.t('{0}/{1} nets', stats.netsPresent, stats.netsTotal) : stats.schemaName,
    stats.measures === 1 ? l10n.t('1 measure') : l10n.t('{0} measures', stats.measures),
    l10n.t('{0} incomplete', stats.incomplete),
  ];
  const summary = byNets
    ? l10n.t('Five Nets: {0} of {1} nets have a section; {2} measures, {3} missing an owner, a metric or a deadline. Click to show the problems.', stats.netsPresent, stats.netsTotal, stats.measures, stats.incomplete)
    : l10n.t('Five Nets: {0} measures, {1} missing an owner, a metric or a deadline. Click to show the problems.', stats.measures, stats.incomplete);
  // An older server sends no schema: the tooltip then says nothing about it.
  const schema = stats.schemaName ? `\n${l10n.t('Schema: {0} ({1})', stats.schemaName, stats.schemaReason)}` : '';
  return { text: `$(checklist) ${parts.filter((part) => part).join(' · ')}`, tooltip: `${summary}${schema}` };
}

export class DraftStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly disposables: Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped. */
  private generation = 0;
  private reportedMissingMethod = false;
  private isDraft: boolean | null = null;

  constructor(
    private readonly client: LanguageClient,
    private readonly output: LogOutputChannel,
  ) {
    this.item = window.createStatusBarItem('fivenets.status', StatusBarAlignment.Left, 100);
    this.item.name = l10n.t('Five Nets');
    this.item.command = 'fivenets.showProblems';
    this.disposables.push(
      this.item,
      window.onDidChangeActiveTextEditor(() => this.schedule()),
      languages.onDidChangeDiagnostics((event) => {
        const uri = window.activeTextEditor?.document.uri.toString();
        if (uri !== undefined && event.uris.some((changed) => changed.toString() === uri)) this.schedule();
      }),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('fivenets')) this.schedule();
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule();
        else this.hide();
      }),
    );
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update(window.activeTextEditor);
    }, UPDATE_DELAY_MS);
  }

  private hide(): void {
    this.generation++;
    this.item.hide();
    this.setDraft(false);
  }

  /** `fivenets.isDraft`: the draft-only commands (Insert Measure, Fix All …) show in the palette only for a draft. */
  private setDraft(isDraft: boolean): void {
    if (isDraft === this.isDraft) return;
    this.isDraft = isDraft;
    void commands.executeCommand('setContext', 'fivenets.isDraft', isDraft);
  }

  private async update(editor: TextEditor | undefined): Promise<void> {
    const generation = ++this.generation;
    if (!editor || editor.document.languageId !== 'markdown' || !this.client.isRunning()) {
      this.item.hide();
      this.setDraft(false);
      return;
    }
    const params: DocumentStatsParams = { uri: editor.document.uri.toString() };
    let stats: DocumentStats | null;
    try {
      stats = await this.client.sendRequest(DocumentStatsRequest, params);
    } catch (error) {
      if (generation !== this.generation) return;
      this.item.hide();
      this.logFailure(error);
      return;
    }
    if (generation !== this.generation) return;
    if (stats?.notDraftReason === 'not-included') {
      this.setDraft(false);
      this.showNotADraft(editor);
      return;
    }
    if (!stats || !stats.isDraft) {
      this.item.hide();
      this.setDraft(false);
      return;
    }
    this.setDraft(true);
    const { text, tooltip } = formatStats(stats);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.color = undefined;
    this.item.command = 'fivenets.showProblems';
    this.item.show();
  }

  private showNotADraft(editor: TextEditor): void {
    this.item.text = l10n.t('Five Nets: not a draft');
    this.item.tooltip = l10n.t('Five Nets does not lint this file: it is outside fivenets.include and its frontmatter names no schema. Click to treat it as a policy draft.');
    // Dimmed: a fact about the file, not a problem.
    this.item.color = new ThemeColor('disabledForeground');
    this.item.command = { title: l10n.t('Treat as Policy Draft'), command: TREAT_AS_DRAFT_COMMAND, arguments: [editor.document.uri] };
    this.item.show();
  }

  private logFailure(error: unknown): void {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      // A server without the request: say so once, not on every keystroke.
      if (!this.reportedMissingMethod) this.output.info(`The server does not implement ${DocumentStatsRequest.method}; the status bar item stays hidden.`);
      this.reportedMissingMethod = true;
      return;
    }
    if (error instanceof ResponseError && (error.code === ErrorCodes.ConnectionInactive || error.code === LSPErrorCodes.RequestCancelled)) return;
    this.output.warn(`${DocumentStatsRequest.method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
