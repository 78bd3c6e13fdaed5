/**
 * Reports as a list of chunks: strings, bytes, and slices of another file (a cache entry),
 * written through one reused buffer. A cached run copies its 15 MB JSON report from the
 * cache file this way instead of decoding, re-serializing and re-encoding it, and touches
 * little fresh memory (page faults dominate large allocations on small CI machines).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** Why a slice cannot be copied: its bytes are not the ones that were checked. */
export const SLICE_CHANGED = 'the cache file changed while this run read it: run again';

/**
 * A byte range of an open file. With `sha256` (hex), the bytes were checked when that digest
 * was taken: every read of them is held to it, so what is copied is what was checked even if
 * the file is written to in between (a cache file is not trusted: see cli/cache.ts).
 */
export class FileSlice {
  constructor(
    readonly fd: number,
    readonly position: number,
    readonly length: number,
    readonly sha256: string | null = null,
  ) {}

  read(): Buffer {
    const bytes = Buffer.allocUnsafe(this.length);
    readFully(this.fd, bytes, 0, this.length, this.position);
    if (this.sha256 !== null && createHash('sha256').update(bytes).digest('hex') !== this.sha256) throw new Error(SLICE_CHANGED);
    return bytes;
  }
}

export type Chunk = string | Uint8Array | FileSlice;

export function chunkText(chunk: Chunk): string {
  if (typeof chunk === 'string') return chunk;
  const bytes = chunk instanceof FileSlice ? chunk.read() : chunk;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Read `length` bytes at `position` into `target`, however many reads it takes. */
export function readFully(fd: number, target: Uint8Array, offset: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const read = fs.readSync(fd, target, offset + done, length - done, position + done);
    if (read === 0) throw new Error('the cache file is shorter than its index says');
    done += read;
  }
}

/** Receives bytes that are only valid during the call (the buffer is reused). */
export type Sink = (bytes: Uint8Array) => void;

const BUFFER_SIZE = 256 * 1024;

/** Write chunks to a sink through one buffer of BUFFER_SIZE bytes. */
export function writeChunks(chunks: readonly Chunk[], sink: Sink): void {
  const buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  let used = 0;
  const flush = () => {
    if (used > 0) sink(buffer.subarray(0, used));
    used = 0;
  };
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (chunk.length * 3 > BUFFER_SIZE - used) {
        flush();
        if (chunk.length * 3 > BUFFER_SIZE) {
          sink(Buffer.from(chunk, 'utf8'));
          continue;
        }
      }
      used += buffer.write(chunk, used, 'utf8');
    } else if (chunk instanceof FileSlice) {
      const hash = chunk.sha256 === null ? null : createHash('sha256');
      for (let done = 0; done < chunk.length;) {
        if (used === BUFFER_SIZE) flush();
        const length = Math.min(chunk.length - done, BUFFER_SIZE - used);
        readFully(chunk.fd, buffer, used, length, chunk.position + done);
        hash?.update(buffer.subarray(used, used + length));
        used += length;
        done += length;
      }
      // Checked before the bytes leave the buffer, so a changed slice is never written whole.
      if (hash && hash.digest('hex') !== chunk.sha256) throw new Error(SLICE_CHANGED);
    } else if (chunk.byteLength > BUFFER_SIZE - used) {
      flush();
      sink(chunk);
    } else {
      buffer.set(chunk, used);
      used += chunk.byteLength;
    }
  }
  flush();
}

/** A sink that writes to an open file descriptor. */
export function fdSink(fd: number): Sink {
  return (bytes) => {
    for (let done = 0; done < bytes.byteLength;) done += fs.writeSync(fd, bytes, done, bytes.byteLength - done);
  };
}

/** Write chunks to a file (created or truncated). */
export function writeChunksToFile(file: string, chunks: readonly Chunk[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    writeChunks(chunks, fdSink(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/** All chunks as one string (for callers that take text). */
export function chunksToText(chunks: readonly Chunk[]): string {
  if (chunks.every((chunk) => typeof chunk === 'string')) return chunks.join('');
  const parts: Buffer[] = [];
  writeChunks(chunks, (bytes) => parts.push(Buffer.from(bytes)));
  return Buffer.concat(parts).toString('utf8');
}
