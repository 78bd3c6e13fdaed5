/** Matching globs from a repository or the settings: compiled once, the dangerous ones dropped (globs.ts). */
import picomatch from 'picomatch';
import { globProblem } from './globs';

const matchers = new Map<string, (relative: string) => boolean>();

/** A cached matcher for globs (paths relative to their base, with `/`); globs that could compile to a catastrophic regular expression are dropped. */
export function safeGlobMatcher(globs: readonly string[]): (relative: string) => boolean {
  const key = JSON.stringify(globs);
  let matcher = matchers.get(key);
  if (!matcher) {
    const safe = globs.filter((glob) => globProblem(glob) === null);
    matcher = safe.length === 0 ? () => false : picomatch(safe, { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}
