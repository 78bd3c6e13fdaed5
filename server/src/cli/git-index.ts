/**
 * Is a file tracked by git? A lint cache committed to a repository is the pull request's to
 * forge (issue 12), so a tracked cache is not trusted. Answered by reading the repository's
 * index (.git/index, versions 2 to 4) without running git: the CLI starts no processes.
 *
 * isomorphic-git's listFiles reads the same index, but would add its bundle to cli.js, which
 * the cached path (fast.ts) loads on every run; the part needed here is the entry walk below.
 */
import * as path from 'node:path';
import { repositoryRoot } from '../engine/config-files';
import { readRegularFile } from '../engine/read-file';

/** An index larger than this is not read (the Linux kernel's is about 10 MB). */
const MAX_INDEX_SIZE = 256 * 1024 * 1024;

/** The work tree root and git dir that hold `file`, or null outside a repository. */
function repositoryOf(file: string): { root: string; gitDir: string } | null {
  const root = repositoryRoot(path.dirname(file));
  if (root === null) return null;
  const dotGit = path.join(root, '.git');
  try {
    // A worktree or submodule: `.git` is a file naming the git dir.
    const match = /^gitdir: (.+)$/mu.exec(readRegularFile(dotGit, 64 * 1024).toString('utf8'));
    return match ? { root, gitDir: path.resolve(root, match[1].trim()) } : null;
  } catch (error) {
    return (error as { problem?: string }).problem === 'directory' ? { root, gitDir: dotGit } : null;
  }
}

/** The paths in a git index (slash-separated, relative to the work tree), or null if it is not one. */
export function indexPaths(index: Buffer): Set<string> | null {
  if (index.length < 12 || index.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = index.readUInt32BE(4);
  const count = index.readUInt32BE(8);
  if (version < 2 || version > 4) return null;
  const paths = new Set<string>();
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let entry = 0; entry < count; entry++) {
    const start = offset;
    // ctime, mtime, dev, ino, mode, uid, gid, size (40 bytes), SHA-1 (20), flags (2).
    if (offset + 62 > index.length) return null;
    const flags = index.readUInt16BE(offset + 60);
    offset += 62;
    if (version >= 3 && flags & 0x4000) offset += 2;
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one minus N trailing bytes, plus a NUL-terminated suffix.
      let byte = index[offset++];
      let strip = byte & 127;
      while (byte & 128) {
        byte = index[offset++];
        strip = ((strip + 1) << 7) | (byte & 127);
      }
      const end = index.indexOf(0, offset);
      if (end < 0 || strip > previous.length) return null;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), index.subarray(offset, end)]);
      offset = end + 1;
    } else {
      const end = index.indexOf(0, offset);
      if (end < 0) return null;
      name = index.subarray(offset, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    paths.add(name.toString('utf8'));
    previous = name;
  }
  return paths;
}

/** True when git tracks `file` (an absolute, real path) in the repository that holds it. */
export function isTrackedByGit(file: string): boolean {
  const repository = repositoryOf(file);
  if (!repository) return false;
  let index: Buffer;
  try {
    index = readRegularFile(path.join(repository.gitDir, 'index'), MAX_INDEX_SIZE);
  } catch {
    return false;
  }
  const relative = path.relative(repository.root, file).split(path.sep).join('/');
  return indexPaths(index)?.has(relative) ?? false;
}
