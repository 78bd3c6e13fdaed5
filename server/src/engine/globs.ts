/**
 * What a glob from a repository may be. Globs come from `.fivenets.yaml` (include, ignore),
 * from the `fivenets.include` setting (which a repository's .vscode/settings.json sets, even
 * in Restricted Mode) and from a cache file; picomatch compiles them to regular expressions
 * that backtrack. No imports: the light cli.js bundle checks the cache's globs with it.
 */

/**
 * Most `*` runs (each `*` or `**`) in one glob. Matching backtracks polynomially in the path
 * length with their number: against a 255-character name `*a*a*b` takes 14 ms, `*a*a*a*b`
 * 0.66 s and `*a*a*a*a*b` 67 s; `**\/a/**\/a/**\/b` takes 57 ms against a path 200 folders
 * deep and one more `**` 3.5 s (picomatch 4, Node 20, this project's 2-core VM). Real
 * include and ignore globs have one or two (`**\/*.policy.md`, `policies/**\/*.md`).
 */
export const MAX_GLOB_STARS = 3;
/** Most `{…}` groups in one glob (each is an alternation in the compiled expression). */
export const MAX_GLOB_BRACES = 8;

/**
 * Why `glob` is refused, or null. Globs are compiled to regular expressions (picomatch), which
 * pass ( ) groups and a + after ) or ] through as regex: `ignore: ["(a+)+$"]` became a
 * catastrophic pattern run against every path. Globs here are paths with *, **, ?, [abc] and
 * {a,b}, with at most MAX_GLOB_STARS runs of * and MAX_GLOB_BRACES groups.
 */
export function globProblem(glob: string): string | null {
  if (/[()]/u.test(glob)) return `"${glob}" uses ( ): globs are paths with *, **, ?, [abc] and {a,b} (match a literal parenthesis with ?)`;
  if (/[\]}]\+/u.test(glob)) return `"${glob}" uses + after ] or }: globs are paths with *, **, ?, [abc] and {a,b}`;
  const stars = glob.match(/\*+/gu)?.length ?? 0;
  if (stars > MAX_GLOB_STARS) return `"${glob}" has ${stars} wildcards (* or **): at most ${MAX_GLOB_STARS}, as matching slows down sharply with each one`;
  const braces = glob.match(/\{/gu)?.length ?? 0;
  if (braces > MAX_GLOB_BRACES) return `"${glob}" has ${braces} {…} groups: at most ${MAX_GLOB_BRACES}`;
  return null;
}

/** The include globs when neither a config nor a setting gives them. */
export const DEFAULT_INCLUDE: readonly string[] = Object.freeze(['**/*.policy.md', 'policies/**/*.md']);
