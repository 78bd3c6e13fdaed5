/**
 * The longest functions in server/src, measured with the TypeScript compiler API (functions,
 * methods, arrow functions and accessors, by their lines from header to closing brace).
 * `tsx scripts/function-lengths.ts` lists the top 20; test/code/function-length.test.ts
 * keeps every function under MAX_FUNCTION_LINES unless its header says why.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 100;

export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** The function's leading comment (JSDoc or line comments) says why it is long. */
  explained: boolean;
}

/** The marker a long function's header comment carries, with its reason: `Long because: …`. */
const EXPLAINED = /Long because:/u;

function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

/** The comments before a function, or before the statement that holds it (`const f = () => …`). */
function leadingComments(node: ts.Node, source: ts.SourceFile): string {
  let holder: ts.Node = node;
  while (
    holder.parent &&
    (ts.isVariableDeclaration(holder.parent) || ts.isVariableDeclarationList(holder.parent) || ts.isVariableStatement(holder.parent) || ts.isPropertyAssignment(holder.parent) || ts.isExportAssignment(holder.parent))
  )
    holder = holder.parent;
  const ranges = ts.getLeadingCommentRanges(source.text, holder.getFullStart()) ?? [];
  return ranges.map((range) => source.text.slice(range.pos, range.end)).join('\n');
}

export function measureFile(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, name: nameOf(node), line: first + 1, lines: last - first + 1, explained: EXPLAINED.test(leadingComments(node, source)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every function in the TypeScript files under `dir`, longest first. */
export function measureTree(dir: string): FunctionLength[] {
  return walk(dir)
    .flatMap((file) => measureFile(path.relative(path.resolve(dir, '../..'), file), fs.readFileSync(file, 'utf8')))
    .sort((a, b) => b.lines - a.lines);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', 'server', 'src');
  for (const entry of measureTree(root).slice(0, Number(process.argv[2] ?? 20))) {
    process.stdout.write(`${String(entry.lines).padStart(4)}  ${entry.file}:${entry.line}  ${entry.name}${entry.explained ? '  (explained)' : ''}\n`);
  }
}
