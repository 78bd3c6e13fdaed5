/** Problems in config files, published on the config file itself (one diagnostic each). */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { readRegularText } from '../engine/read-file';
import { MAX_DATA_FILE_SIZE } from '../engine/schema/located';
import type { LocatedError } from '../engine/schema';
import type { ErrorLog } from './guard';
import { SOURCE } from './convert';

export class ConfigProblems {
  private readonly published = new Map<string, string>();
  private round: Set<string> | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly log: ErrorLog,
  ) {}

  private send(uri: string, diagnostics: Diagnostic[]): void {
    this.connection.sendDiagnostics({ uri, diagnostics }).catch((error: unknown) => this.log.report('config diagnostics', error));
  }

  report(error: LocatedError): void {
    const uri = pathToFileURL(error.file).href;
    this.round?.add(uri);
    const line = Math.max(0, error.line - 1);
    const character = Math.max(0, error.column - 1);
    let end = character;
    try {
      const text = readRegularText(error.file, MAX_DATA_FILE_SIZE);
      end = Math.max(character, (text.split(/\r\n|\r|\n/u)[line] ?? '').length);
    } catch {
      // The file went away: point at the position alone.
    }
    const diagnostic: Diagnostic = {
      range: { start: { line, character }, end: { line, character: end } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'invalid-config',
      message: error.detail,
    };
    const key = JSON.stringify(diagnostic);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.send(uri, [diagnostic]);
  }

  /** Start collecting the problems that still exist (after a config change). */
  beginRound(): void {
    this.round = new Set();
  }

  /** Clear the diagnostics of config files that no longer have a problem. */
  endRound(): void {
    if (!this.round) return;
    for (const uri of [...this.published.keys()]) {
      if (this.round.has(uri)) continue;
      this.published.delete(uri);
      this.send(uri, []);
    }
    this.round = null;
  }
}
