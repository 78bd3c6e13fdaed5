/** Entry point of the `fivenets` command (bundled to server/out/cli.js). */
import { main } from './cli/main';

/**
 * Standard input, read until its end or until it passes `maxBytes`: then reading stops and the
 * bytes so far are returned, which the caller refuses (exit 2) for being over the limit.
 */
function readStdin(maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        process.stdin.destroy();
        resolve(Buffer.concat(chunks));
      }
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

// `fivenets rules | head -1`: the reader went away, which ends the run quietly, not with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  // Colour by default on a terminal; --color/--no-color, FORCE_COLOR and NO_COLOR decide over it (args.ts useColor).
  color: process.stdout.isTTY === true,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fivenets: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
