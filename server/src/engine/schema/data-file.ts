/**
 * Data files (configs, policy schemas) read from disk, through the bounded reader
 * (../read-file.ts). Apart from located.ts and index.ts, which work on text only, so the
 * engine's lint path has no file system (the browser build).
 */
import { FileReadError, readRegularText } from '../read-file';
import { MAX_DATA_FILE_SIZE, type ErrorFactory } from './located';
import { loadSchemaText, schemaError, type PolicySchema } from './index';

/**
 * Read a small text file, turning I/O problems into a located error at 1:1. Through the
 * bounded reader (../read-file.ts): `schema: /dev/zero`, a FIFO or a symlink to either is
 * refused instead of read forever.
 */
export function readDataFile(file: string, factory: ErrorFactory): string {
  try {
    return readRegularText(file, MAX_DATA_FILE_SIZE);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    if (err.problem === 'missing') throw factory('file not found', file, 1, 1);
    if (err.problem === 'directory') throw factory('is a folder, not a file', file, 1, 1);
    if (err.problem === 'not-regular') throw factory('not a regular file (a device, pipe or socket)', file, 1, 1);
    if (err.problem === 'too-large') throw factory(`file is too large (${err.size} bytes; the limit is ${MAX_DATA_FILE_SIZE})`, file, 1, 1);
    if (err.problem === 'grew') throw factory(`file grew past the limit of ${MAX_DATA_FILE_SIZE} bytes while being read`, file, 1, 1);
    throw factory(err.message, file, 1, 1);
  }
}

/** Read, parse and validate a schema file. Throws SchemaError. */
export function loadSchemaFile(file: string): PolicySchema {
  return loadSchemaText(readDataFile(file, schemaError), file);
}
