/**
 * Which diagnostic reports the stdio encoder (encoder.ts) may build from cached bytes: the
 * document's diagnostics view records, for each report it builds, the converted parts each
 * item was stamped from. Kept apart from the encoder, which is Node-only, so the view (shared
 * with the browser build) does not import it.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { VersionlessDiagnostic } from './convert';

/** A report built by the diagnostics view: per item, the parts it was stamped from (null: built otherwise). */
export interface Encodable {
  parts: ReadonlyArray<VersionlessDiagnostic | null>;
  version: number;
}

const encodable = new WeakMap<readonly Diagnostic[], Encodable>();

/** Record how a report was built, so the encoder can take its items' bytes from the cache. */
export function registerEncodable(diagnostics: readonly Diagnostic[], parts: ReadonlyArray<VersionlessDiagnostic | null>, version: number): void {
  encodable.set(diagnostics, { parts, version });
}

/** How a report was built, if the view built it. */
export function encodableOf(diagnostics: readonly Diagnostic[]): Encodable | undefined {
  return encodable.get(diagnostics);
}
