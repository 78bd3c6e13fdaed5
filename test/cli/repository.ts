/**
 * A repository as a CI engineer meets it: drafts (policies/, *.policy.md, a frontmatter
 * draft) beside README.md, CHANGELOG.md and docs/, with a .gitignore (build output and a
 * re-included file) and a .fivenetsignore. Shared by the CLI and language-server tests of
 * "which files are drafts" so both judge the same tree.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DRAFT = '## 公共卫生防护网\n\n1. 新建急救站20个（牵头单位：市卫健委）\n';

/** Every Markdown file of the repository, and whether it is a draft for `fivenets lint .` and the editor. */
export const REPOSITORY_FILES: Record<string, { text: string; draft: boolean }> = {
  'README.md': { text: `# Project\n\n${DRAFT}`, draft: false },
  'CHANGELOG.md': { text: `# Changelog\n\n${DRAFT}`, draft: false },
  'docs/guide.md': { text: DRAFT, draft: false },
  'policies/plan.md': { text: DRAFT, draft: true },
  'policies/bureau/sub.md': { text: DRAFT, draft: true },
  'wuhan.policy.md': { text: DRAFT, draft: true },
  'notes/frontmatter.md': { text: `---\nschema: five-nets\n---\n\n${DRAFT}`, draft: true },
  'notes/unknown-schema.md': { text: `---\nschema: no-such-schema\n---\n\n${DRAFT}`, draft: false },
  // .gitignore: build/ is ignored, but build/keep.policy.md is re-included with !.
  'build/generated.policy.md': { text: DRAFT, draft: false },
  'build/keep.policy.md': { text: DRAFT, draft: true },
  // .gitignore in policies/: *.tmp.md
  'policies/scratch.tmp.md': { text: DRAFT, draft: false },
  // .fivenetsignore: archive/
  'archive/2019.policy.md': { text: DRAFT, draft: false },
  'node_modules/dep/x.policy.md': { text: DRAFT, draft: false },
};

export function makeRepository(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-repo-')));
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.gitignore'), 'build/*\n!build/keep.policy.md\n');
  fs.writeFileSync(path.join(root, '.fivenetsignore'), '# drafts kept for the record only\narchive/\n');
  for (const [name, { text }] of Object.entries(REPOSITORY_FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  fs.writeFileSync(path.join(root, 'policies', '.gitignore'), '*.tmp.md\n');
  return root;
}

export const DRAFTS = Object.keys(REPOSITORY_FILES)
  .filter((name) => REPOSITORY_FILES[name].draft)
  .sort();
