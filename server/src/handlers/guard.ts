/**
 * The server never dies from a document: every handler runs inside `guard`, and an
 * exception becomes one logged error (per place and message) and an empty result.
 * A `ResponseError` is an answer, not a bug (bad params, cancelled): it goes to the client.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';

export class ErrorLog {
  private readonly seen = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Log an internal error once per place and message. */
  report(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const detail = error instanceof Error && error.stack ? error.stack : message;
    this.connection.console.error(`fivenets: internal error in ${where} (please report this): ${detail}`);
  }
}

export function guard<P extends unknown[], R>(log: ErrorLog, where: string, fallback: R, handler: (...params: P) => R | Promise<R>): (...params: P) => Promise<R> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.report(where, error);
      return fallback;
    }
  };
}
