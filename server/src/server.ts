/**
 * The Five Nets language server on Node: over --stdio and --node-ipc (createConnection reads
 * the transport from argv), finding drafts on disk. The handlers are registered in serve.ts;
 * the browser build's entry is browserServer.ts.
 */
import { Message, ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection, type MessageStrategy } from 'vscode-languageserver/node';
import { format } from 'node:util';
import { cachedJsonEncoder } from './handlers/encoder';
import { messageStrategy, serve } from './serve';
import { limitHeapGrowth, nodePlatform } from './platform/node';

let shutdownRequested = false;

/** serve.ts's message strategy, noting a shutdown request (the exit code when stdin ends says whether one came). */
const strategy: MessageStrategy = {
  handleMessage(message, next) {
    if (Message.isRequest(message) && message.method === 'shutdown') shutdownRequested = true;
    return messageStrategy.handleMessage(message, next);
  },
};

/**
 * Over --stdio, the library's connection with one change: the writer encodes diagnostic
 * reports from cached bytes (handlers/encoder.ts). Given a reader and a writer instead of
 * reading argv, createConnection neither exits when stdin ends nor routes console output to
 * the client (which keeps stdout for the protocol): both are done here as the library does.
 */
function stdioConnection(): Connection | null {
  const argv = process.argv.slice(2);
  const transport = argv.find((arg) => arg === '--node-ipc' || arg === '--stdio' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
  if (transport !== '--stdio') return null;
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachedJsonEncoder });
  const stdio = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer, { messageStrategy: strategy });
  const exit = () => process.exit(shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toClient =
    (send: (message: string) => void) =>
    (...args: unknown[]) =>
      send(format(...args));
  console.log = toClient((message) => stdio.console.log(message));
  console.info = toClient((message) => stdio.console.info(message));
  console.debug = toClient((message) => stdio.console.log(message));
  console.warn = toClient((message) => stdio.console.warn(message));
  console.error = toClient((message) => stdio.console.error(message));
  return stdio;
}

limitHeapGrowth();
serve(stdioConnection() ?? createConnection(ProposedFeatures.all, { messageStrategy: strategy }), nodePlatform);
