/**
 * Rule help that works offline: the link on a Five Nets diagnostic (Problems view, hover)
 * opens the rule's page shipped in the extension (docs/rules/<rule>.md, in English and
 * Chinese) in the Markdown preview, not the web page many drafters' networks cannot reach.
 * The server's link (GitHub, or a config's docsUrl) stays the secondary: offered once per
 * session beside the local page, and opened when the local page is missing.
 */
import { commands, env, l10n, Uri, window, workspace, type Diagnostic, type Disposable, type ExtensionContext } from 'vscode';

export const OPEN_RULE_DOC_COMMAND = 'fivenets.openRuleDoc';
const SOURCE = 'fivenets';
const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/u;

/** The diagnostic with its rule link pointing at the local page (other diagnostics as they are). */
export function offlineRuleLink(diagnostic: Diagnostic): Diagnostic {
  const code = diagnostic.code;
  if (diagnostic.source !== SOURCE || typeof code !== 'object' || !RULE_ID.test(String(code.value))) return diagnostic;
  if (code.target.scheme === 'command') return diagnostic;
  const args = encodeURIComponent(JSON.stringify([String(code.value), code.target.toString(true)]));
  diagnostic.code = { value: code.value, target: Uri.parse(`command:${OPEN_RULE_DOC_COMMAND}?${args}`) };
  return diagnostic;
}

export function registerRuleDocs(context: ExtensionContext): Disposable {
  let offeredWeb = false;
  return commands.registerCommand(OPEN_RULE_DOC_COMMAND, async (rule: unknown, web: unknown) => {
    const webUri = typeof web === 'string' && /^https?:\/\//u.test(web) ? Uri.parse(web) : undefined;
    if (typeof rule !== 'string' || !RULE_ID.test(rule)) return;
    const page = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
    try {
      await workspace.fs.stat(page);
    } catch {
      if (webUri) await env.openExternal(webUri);
      return;
    }
    await commands.executeCommand('markdown.showPreview', page);
    if (!webUri || offeredWeb) return;
    offeredWeb = true;
    const online = l10n.t('Open on the Web');
    const choice = await window.showInformationMessage(l10n.t('Five Nets: the {0} page shipped with the extension, readable offline.', rule), online);
    if (choice === online) await env.openExternal(webUri);
  });
}
