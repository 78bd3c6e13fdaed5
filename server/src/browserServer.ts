/**
 * The Five Nets language server in a web worker (vscode.dev, github.dev, code-server's web
 * worker extension host): the same handlers (serve.ts) over the worker's messages, finding
 * drafts with settings only (platform/browser.ts). scripts/build.mjs bundles it for the
 * browser and fails when a Node module slips in.
 */
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { messageStrategy, serve } from './serve';
import { browserPlatform } from './platform/browser';

// BrowserMessageReader's parameter type (a DOM worker scope) resolves to `any` without the DOM
// library: the type says what the platform needs.
declare const self: Parameters<typeof browserPlatform>[0];

serve(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy }), browserPlatform(self));
