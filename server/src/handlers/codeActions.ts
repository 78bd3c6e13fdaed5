/**
 * Code actions: a quick fix per diagnostic fix (preferred) and per suggestion, taken from
 * the diagnostic's data; "Fix all <rule> problems", "Disable <rule> for this line", and
 * `source.fixAll.fivenets` for editor.codeActionsOnSave. Fix-all edits are computed with
 * the engine's fixAll and sent as the minimal edits (diffEdits); when the client can
 * resolve code actions, that work waits until an action is chosen. A client with LSP 3.18
 * snippet edits gets each inserted placeholder as a tab stop (convert.ts), except on save.
 */
import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { INTERNAL_ERROR_RULE, RULES_BY_ID, fixAll, localize } from '../engine';
import { diffEdits, disableLineEdit } from '../engine/edits';
import type { Analysis, Drafts } from './drafts';
import type { DiagnosticViews } from './documentDiagnostics';
import { SOURCE, isDiagnosticData, toTextEdit, workspaceEdit, type EditForm } from './convert';
import { MESSAGES } from './messages';
import { MAX_VALUE_SUGGESTIONS, USE_OWNER } from '../engine/rules/_shared';
import type { WorkspaceOwners } from './owners';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fivenets`;

interface FixAllData {
  fivenets: 'fixAll';
  uri: string;
  version: number;
  /** One rule, or every rule when null. */
  rule: string | null;
  /** Placeholders as tab stops: asked for by the user, not on save (see CodeActionsFeature.form). */
  snippets: boolean;
}

function isFixAllData(value: unknown): value is FixAllData {
  return !!value && typeof value === 'object' && (value as Partial<FixAllData>).fivenets === 'fixAll';
}

/** Does an action of `kind` pass the client's `only` filter (kinds are dot-separated hierarchies)? */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND;
  return only.some((filter) => kind === filter || kind.startsWith(`${filter}.`));
}

export interface CodeActionOptions {
  /** The client resolves code actions lazily (codeAction/resolve with `edit`). */
  resolveEdits: boolean;
  /** The client applies versioned TextDocumentEdits. */
  documentChanges: boolean;
  /** The client applies SnippetTextEdits (LSP 3.18 snippetEditSupport). */
  snippets: boolean;
}

export class CodeActionsFeature {
  constructor(
    private readonly drafts: Drafts,
    private readonly client: CodeActionOptions,
    private readonly owners: WorkspaceOwners,
    private readonly views: DiagnosticViews,
  ) {}

  async actions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const analysis = await this.drafts.analyze(uri);
    if (!analysis) return [];
    const only = params.context.only;
    const form = this.form(params.context.triggerKind !== CodeActionTriggerKind.Automatic);
    const actions: CodeAction[] = [];
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && typeof diagnostic.code === 'string');

    if (wanted(CodeActionKind.QuickFix, only)) {
      for (const diagnostic of ours) {
        const data: unknown = diagnostic.data;
        if (!isDiagnosticData(data)) continue;
        if (data.fix) {
          actions.push({
            title: data.fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: workspaceEdit(uri, data.version, data.fix.edits, form),
          });
        }
        for (const suggestion of data.suggestions) {
          actions.push({
            title: suggestion.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit(uri, data.version, suggestion.edits, form),
          });
        }
      }
      for (const action of await this.workspaceOwnerActions(analysis, ours, form)) actions.push(action);
      // One action per problem line can pass the ~120,000 arguments a spread call takes.
      for (const action of this.fixAllRuleActions(analysis, ours, form)) actions.push(action);
      for (const action of this.disableActions(analysis, ours, form)) actions.push(action);
    }

    if (wanted(FIX_ALL_KIND, only) && this.views.of(analysis).fixable(null) > 0) {
      actions.push(this.fixAllAction(analysis, null, localize(MESSAGES.fixAllSource, analysis.locale), FIX_ALL_KIND, [], form));
    }
    return actions;
  }

  /**
   * How this request's edits are sent. Placeholders become tab stops only when the user asked
   * for the actions (the light bulb, Fix All): a fix applied on save must not leave the
   * editor in snippet mode.
   */
  private form(interactive: boolean): EditForm {
    return { documentChanges: this.client.documentChanges, snippets: this.client.snippets && this.client.documentChanges && interactive };
  }

  /**
   * The workspace's owners for a placeholder owner (missing-owner without a fix) or a vague
   * one, after the roster's (which the engine offers): a unit named in another draft is one
   * click away. At most MAX_VALUE_SUGGESTIONS values per problem.
   */
  private async workspaceOwnerActions(analysis: Analysis, diagnostics: Diagnostic[], form: EditForm): Promise<CodeAction[]> {
    const wantsOwner = diagnostics.filter((diagnostic) => isDiagnosticData(diagnostic.data) && (diagnostic.code === 'vague-owner' || (diagnostic.code === 'missing-owner' && diagnostic.data.fix === null)));
    if (wantsOwner.length === 0) return [];
    const known = await this.owners.all();
    const actions: CodeAction[] = [];
    for (const diagnostic of wantsOwner) {
      const offered = isDiagnosticData(diagnostic.data) ? diagnostic.data.suggestions.flatMap((fix) => fix.edits.map((edit) => edit.newText)) : [];
      const current = analysis.text.slice(analysis.result.lines.offsetAt(diagnostic.range.start), analysis.result.lines.offsetAt(diagnostic.range.end));
      const room = Math.max(0, MAX_VALUE_SUGGESTIONS - offered.length);
      for (const owner of known.filter((unit) => !offered.includes(unit) && unit !== current).slice(0, room)) {
        actions.push({
          title: localize(USE_OWNER, analysis.locale, { value: owner }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(analysis.uri, analysis.version, [{ range: diagnostic.range, newText: owner }], form),
        });
      }
    }
    return actions;
  }

  /** One "Fix all <rule> problems" per rule in the request that has two or more fixable problems in the file. */
  private fixAllRuleActions(analysis: Analysis, diagnostics: Diagnostic[], form: EditForm): CodeAction[] {
    const actions: CodeAction[] = [];
    const done = new Set<string>();
    for (const diagnostic of diagnostics) {
      const rule = String(diagnostic.code);
      if (done.has(rule) || !RULES_BY_ID.get(rule)?.meta.fixable) continue;
      done.add(rule);
      if (this.views.of(analysis).fixable(rule) < 2) continue;
      const related = diagnostics.filter((candidate) => candidate.code === rule);
      actions.push(this.fixAllAction(analysis, rule, localize(MESSAGES.fixAllRule, analysis.locale, { rule }), CodeActionKind.QuickFix, related, form));
    }
    return actions;
  }

  private fixAllAction(analysis: Analysis, rule: string | null, title: string, kind: string, diagnostics: Diagnostic[], form: EditForm): CodeAction {
    const data: FixAllData = { fivenets: 'fixAll', uri: analysis.uri, version: analysis.version, rule, snippets: form.snippets };
    const action: CodeAction = { title, kind, data };
    if (diagnostics.length > 0) action.diagnostics = diagnostics;
    if (!this.client.resolveEdits) action.edit = this.fixAllEdit(analysis, rule, form);
    return action;
  }

  private fixAllEdit(analysis: Analysis, rule: string | null, form: EditForm): CodeAction['edit'] {
    const edits = this.views.of(analysis).fixAllEdits(rule, () => {
      const fixed = fixAll(analysis.text, analysis.options, rule === null ? undefined : (id) => id === rule);
      return diffEdits(analysis.text, fixed.text).map((edit) => toTextEdit(analysis.result.lines, edit));
    });
    return workspaceEdit(analysis.uri, analysis.version, edits, form);
  }

  /** codeAction/resolve: compute a fix-all edit for the version the action was made for. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    if (action.edit || !isFixAllData(action.data)) return action;
    const analysis = await this.drafts.analyze(action.data.uri);
    // A document that changed since gets no edit rather than one computed for other text.
    if (!analysis || analysis.version !== action.data.version) return action;
    return { ...action, edit: this.fixAllEdit(analysis, action.data.rule, { documentChanges: this.client.documentChanges, snippets: action.data.snippets === true && this.client.snippets }) };
  }

  private disableActions(analysis: Analysis, diagnostics: Diagnostic[], form: EditForm): CodeAction[] {
    const actions: CodeAction[] = [];
    const done = new Set<string>();
    for (const diagnostic of diagnostics) {
      const rule = String(diagnostic.code);
      if (rule === INTERNAL_ERROR_RULE) continue;
      const line = diagnostic.range.start.line;
      const key = `${rule}\u0000${line}`;
      if (done.has(key)) continue;
      done.add(key);
      const edit = disableLineEdit(analysis.text, analysis.result.lines, line, rule);
      if (!edit) continue;
      actions.push({
        title: localize(MESSAGES.disableLine, analysis.locale, { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostics.filter((candidate) => candidate.code === rule && candidate.range.start.line === line),
        edit: workspaceEdit(analysis.uri, analysis.version, [toTextEdit(analysis.result.lines, edit)], form),
      });
    }
    return actions;
  }
}
