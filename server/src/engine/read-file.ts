/**
 * The one way the tool reads a file it did not write itself: drafts, configs, schemas, SARIF
 * logs, caches. Regular files only, opened non-blocking (a named pipe with no writer would
 * block `open`), the type and size checked on the open descriptor, and at most `maxBytes` + 1
 * bytes read, so `/dev/zero`, a FIFO, a symlink to either or a file that grows while it is
 * read can neither hang the run nor fill memory.
 *
 * Node's `fs.readFileSync` reads devices until memory runs out and blocks on FIFOs; no npm
 * package we found (read-file-safe, graceful-fs) checks the type on the open descriptor, so
 * this is written here. No import of the LSP packages: the CLI and the server both use it.
 */
import * as fs from 'node:fs';

export type ReadProblem = 'missing' | 'directory' | 'not-regular' | 'too-large' | 'grew' | 'io';

/** A file that could not be read, with a plain one-line `message` and what kind of problem it was. */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly problem: ReadProblem,
    /** The file's size, for 'too-large' and 'grew'. */
    readonly size = 0,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** A buffer reused from read to read (readRegularFile grows it as needed). */
export interface ReadBuffer {
  bytes: Buffer;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once (and fstat then refuses it).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Open `file` without blocking, refuse anything but a regular file, and hand the open file to
 * `read`; I/O errors become FileReadError and the file is always closed.
 */
function withRegularFile<T>(file: string, read: (fd: number, opened: fs.Stats) => T): T {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw fsError(error);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (opened.isDirectory()) throw new FileReadError('is a directory', 'directory');
    if (!opened.isFile()) throw new FileReadError('not a regular file (a device, pipe or socket)', 'not-regular');
    return read(fd, opened);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw fsError(error);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. Throws FileReadError. With `reuse`, the
 * bytes are read into that buffer and valid until the next read into it.
 */
export function readRegularFile(file: string, maxBytes: number, reuse?: ReadBuffer): Buffer {
  return withRegularFile(file, (fd, opened) => {
    if (opened.size > maxBytes) throw new FileReadError(`file is ${opened.size} bytes, over the limit of ${maxBytes}`, 'too-large', opened.size);
    const limit = Math.max(0, maxBytes) + 1;
    const wanted = Math.min(limit, Math.max(opened.size + 1, 64 * 1024));
    let target = reuse && reuse.bytes.length >= Math.min(limit, opened.size + 1) ? reuse.bytes : Buffer.allocUnsafe(wanted);
    let length = 0;
    for (;;) {
      if (length === target.length) {
        if (target.length >= limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit, target.length * 2));
        target.copy(grown, 0, 0, length);
        target = grown;
      }
      const read = fs.readSync(fd, target, length, target.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (reuse) reuse.bytes = target;
    if (length > maxBytes) throw new FileReadError(`file grew past the limit of ${maxBytes} bytes while being read`, 'grew', length);
    return target.subarray(0, length);
  });
}

/**
 * The first `maxBytes` of a regular file (all of it when shorter), with readRegularFile's
 * checks but no size limit: enough to look at a draft's frontmatter without reading it whole.
 */
export function readRegularHead(file: string, maxBytes: number): Buffer {
  return withRegularFile(file, (fd, opened) => {
    const target = Buffer.allocUnsafe(Math.max(0, Math.min(maxBytes, opened.size)));
    let length = 0;
    while (length < target.length) {
      const read = fs.readSync(fd, target, length, target.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return target.subarray(0, length);
  });
}

/** A regular file's text (UTF-8, a BOM kept), with readRegularFile's checks. */
export function readRegularText(file: string, maxBytes: number): string {
  return readRegularFile(file, maxBytes).toString('utf8');
}

function fsError(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new FileReadError('no such file or directory', 'missing');
  if (code === 'EISDIR') return new FileReadError('is a directory', 'directory');
  // A FIFO opened for reading with O_NONBLOCK succeeds; a socket fails with ENXIO.
  if (code === 'ENXIO') return new FileReadError('not a regular file (a device, pipe or socket)', 'not-regular');
  return new FileReadError(describeFsError(error, 'cannot read'), 'io');
}

/** A file system error as a plain phrase: "no such file or directory", "cannot read: permission denied". */
export function describeFsError(error: unknown, verb: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return `${verb}: permission denied`;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'no such file or directory (a part of the path is a file)';
  if (code === 'ELOOP') return `${verb}: too many symbolic links (a link loop?)`;
  if (code === 'ENAMETOOLONG') return `${verb}: the path is too long`;
  if (code === 'EMFILE' || code === 'ENFILE') return `${verb}: too many open files`;
  if (code === 'EIO') return `${verb}: input/output error`;
  return `${verb}: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}
