/**
 * The Five Nets language server on Node: over --stdio and --node-ipc (createConnection reads
 * the transport from argv), finding drafts on disk. The handlers are registered in serve.ts;
 * the browser build's entry is browserServer.ts.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { messageStrategy, serve } from './serve';
import { nodePlatform } from './platform/node';

serve(createConnection(ProposedFeatures.all, { messageStrategy }), nodePlatform);
