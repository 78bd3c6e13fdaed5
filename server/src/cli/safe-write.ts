/**
 * Writing without losing anything: a report never replaces one of its own inputs, and a
 * file is replaced through a temporary file created exclusively beside it.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './files';

/** The file's identity (device and inode, links followed), or null when it does not exist. */
function identity(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * `lint d.md -o d.md` would replace the draft with its report: refuse (exit 2) when the output
 * is one of the inputs, by name, through a symlink or as a hard link.
 */
export function refuseOutputThatIsInput(cwd: string, output: string, inputs: readonly string[]): void {
  const target = identity(path.resolve(cwd, output));
  if (target === null) return;
  for (const input of inputs) {
    if (identity(path.resolve(cwd, input)) === target) throw new UsageError(`the output ${output} is also an input (${input}): choose another file`);
  }
}

/**
 * A new file beside `file`, created exclusively (`wx`) under an unpredictable name, so a
 * symlink planted under the name cannot redirect the write. Returns its path and descriptor.
 */
export function createTemporaryBeside(file: string, mode = 0o666): { temporary: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    try {
      return { temporary, fd: fs.openSync(temporary, 'wx', mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
    }
  }
}

/**
 * Replace `file` with `data`: written to a temporary file beside it, given the mode `mode`,
 * then renamed over it, so a crash or a full disk leaves the old file whole.
 */
export function replaceFileAtomic(file: string, data: string | Uint8Array, mode: number): void {
  const { temporary, fd } = createTemporaryBeside(file, mode & 0o777);
  try {
    try {
      fs.writeFileSync(fd, data);
      // The umask applied at creation; the draft keeps exactly the mode it had.
      fs.fchmodSync(fd, mode & 0o7777);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
