/**
 * What the editor offers while typing a draft: field labels (in the draft's script) with
 * their colon, owners after an owner label, net names in headings, glossary terms and
 * snippets (a measure, a net section, a whole draft). Pure: the caller passes the model
 * it already has and the owners it knows from other open drafts.
 *
 * Chinese has no word breaks, so each entry carries its own replace span: the longest
 * tail of the typed text that starts the entry (typing 牵头 offers 牵头单位：replacing 牵头).
 */
import type { GlossaryTerm, NetDef, PolicySchema } from './schema';
import { builtinSchema } from './schema';
import type { FieldKind, Locale, PolicyModel, Script, Span } from './types';
import type { LineIndex } from './lines';
import type { Localized } from './rule';
import { localize, bilingual, scriptForLocale } from './i18n';
import { simplify, traditionalize } from './script';
import { CANONICAL_LABELS, FIELD_NAMES, PLACEHOLDER, allLabels, kindOfLabel, labelPattern } from './labels';
import { netSectionTemplate } from './rules/missing-net';
import { hasPlaceholder, isVagueOwner } from './vocabulary';

export type CompletionCategory = 'label' | 'owner' | 'net' | 'term' | 'snippet';

export interface CompletionEntry {
  category: CompletionCategory;
  label: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText is an LSP snippet ($1, ${1:…}). */
  snippet: boolean;
  replace: Span;
  sortText: string;
  filterText?: string;
}

export interface CompletionInput {
  text: string;
  model: PolicyModel;
  lines: LineIndex;
  schema: PolicySchema;
  glossary: readonly GlossaryTerm[];
  roster: readonly string[];
  /** Owners used in the open drafts (this one included). */
  knownOwners: readonly string[];
  locale: Locale;
  /** ISO date for the skeleton's frontmatter. */
  today: string;
}

/** Completion labels and details, in English and simplified Chinese (zh-TW is converted). */
const COMPLETION_TEXT = {
  field: { en: 'Field: {name}', 'zh-CN': '字段：{name}' },
  example: { en: 'Example: {example}', 'zh-CN': '示例：{example}' },
  fromRoster: { en: 'Roster', 'zh-CN': '单位名册' },
  fromDrafts: { en: 'Used in open drafts', 'zh-CN': '已在打开的文稿中使用' },
  net: { en: 'Net', 'zh-CN': '网' },
  netMissing: { en: 'Net (no section yet)', 'zh-CN': '网（本文稿尚无此章节）' },
  term: { en: 'Glossary term', 'zh-CN': '术语' },
  measureSnippet: { en: 'Measure (owner, metric, deadline)', 'zh-CN': '措施模板（牵头单位、指标、完成时限）' },
  netSnippet: { en: 'Net section', 'zh-CN': '网章节模板' },
  skeletonSnippet: { en: 'Five-nets draft skeleton', 'zh-CN': '五张网文稿骨架' },
  snippetDetail: { en: 'Snippet', 'zh-CN': '代码片段' },
} satisfies Record<string, Localized>;

/** Characters of text in a model (counted once per model: a large draft has many text spans). */
const writtenCache = new WeakMap<PolicyModel, number>();

/** A near-empty draft has no script of its own yet: write in the editor's language. */
function draftScript(input: CompletionInput): Script {
  let written = writtenCache.get(input.model);
  if (written === undefined) {
    written = input.model.textSpans.reduce((sum, span) => sum + (span.end - span.start), 0);
    writtenCache.set(input.model, written);
  }
  return written < 8 ? scriptForLocale(input.locale) : input.model.script;
}

function netName(net: NetDef, script: Script): string {
  return script === 'en' ? net.names.en : script === 'hant' ? net.names['zh-Hant'] : net.names['zh-Hans'];
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/gu, (ch) => `\\${ch}`);
}

const isHan = (label: string) => /[\u3400-\u9fff]/u.test(label);

/** The labels a draft in this script uses: simplified, traditional or English forms. */
export function labelsForScript(script: Script): Array<{ label: string; kind: FieldKind }> {
  const canonical = new Set(Object.values(CANONICAL_LABELS[script]));
  const fits = (label: string) => (script === 'en' ? !isHan(label) : isHan(label) && (script === 'hans' ? simplify(label) === label : traditionalize(label) === label));
  return allLabels()
    .filter((entry) => fits(entry.label))
    .sort((a, b) => Number(canonical.has(b.label)) - Number(canonical.has(a.label)) || a.label.length - b.label.length);
}

/** Length of the longest tail of `typed` that `candidate` starts with (any script, any case). */
function typedTail(typed: string, candidate: string): number {
  const target = simplify(candidate).toLowerCase();
  const max = Math.min(typed.length, target.length);
  for (let length = max; length > 0; length--) {
    const tail = typed.slice(typed.length - length);
    if (!target.startsWith(simplify(tail).toLowerCase())) continue;
    // A Latin candidate starts at a word boundary, not inside "Nearby".
    if (/^[A-Za-z]/u.test(tail) && /[A-Za-z]/u.test(typed[typed.length - length - 1] ?? '')) continue;
    return length;
  }
  return 0;
}

function inside(spans: readonly Span[], offset: number): boolean {
  return spans.some((span) => offset > span.start && offset < span.end);
}

export function completionsAt(input: CompletionInput, offset: number): CompletionEntry[] {
  const frontmatter = input.model.meta.frontmatterSpan;
  if (frontmatter && offset > frontmatter.start && offset < frontmatter.end) return [];
  if (inside(input.model.codeSpans, offset)) return [];
  const line = input.lines.positionAt(offset).line;
  const lineStart = input.lines.lineStart(line);
  const prefix = input.text.slice(lineStart, offset);
  const script = draftScript(input);

  const heading = /^ {0,3}(#{1,6})([ \t]*)(.*)$/u.exec(prefix);
  if (heading) return netEntries(input, offset, script, heading[2].length > 0, heading[3]);
  const owner = ownerContext(prefix);
  if (owner) return ownerEntries(input, offset, owner);
  const entries = [...labelEntries(input, offset, prefix, script), ...termEntries(input, offset, prefix, script)];
  entries.push(...snippetEntries(input, offset, prefix, script));
  return entries;
}

const HEADING_NUMBERING = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}(?:\.\d{1,3})*[.、．]?)[ \t]*/u;
const HEADING_VERB = /^(?:织密织牢|织牢织密|织密|织牢|织好|织紧|织实|筑牢|构建|健全|完善|打造)/u;

function netEntries(input: CompletionInput, offset: number, script: Script, spaced: boolean, content: string): CompletionEntry[] {
  let typed = content;
  typed = typed.slice(HEADING_NUMBERING.exec(typed)?.[0].length ?? 0);
  typed = typed.slice(HEADING_VERB.exec(simplify(typed))?.[0].length ?? 0);
  const present = new Set(input.model.nets.map((net) => net.netId));
  return input.schema.nets.map((net, index): CompletionEntry => {
    const name = netName(net, script);
    return {
      category: 'net',
      label: name,
      detail: localize(present.has(net.id) ? COMPLETION_TEXT.net : COMPLETION_TEXT.netMissing, input.locale),
      documentation: bilingual(net.description, input.locale),
      insertText: spaced ? name : ` ${name}`,
      snippet: false,
      replace: { start: offset - typed.length, end: offset },
      filterText: name,
      sortText: `${present.has(net.id) ? 1 : 0}${String(index).padStart(2, '0')}`,
    };
  });
}

interface OwnerContext {
  /** The owner text typed so far after the last separator. */
  typed: string;
  /** Units already listed in this field. */
  listed: string[];
}

/** After 牵头单位：/ 责任单位：/ Owner: (and after 、 in their list), on the same line. */
function ownerContext(prefix: string): OwnerContext | null {
  const pattern = new RegExp(labelPattern().source, labelPattern().flags);
  let last: RegExpMatchArray | null = null;
  for (const match of prefix.matchAll(pattern)) last = match;
  if (!last) return null;
  const kind = kindOfLabel(last[1]);
  if (kind !== 'owner' && kind !== 'coOwners') return null;
  const rest = prefix.slice((last.index ?? 0) + last[0].length);
  if (/[；;）)】。\n|]/u.test(rest)) return null;
  const parts = rest.split(/[、，,／/]/u);
  const typed = (parts.pop() ?? '').replace(/^[\s*_]+/u, '');
  return { typed, listed: parts.map((part) => simplify(part.trim())).filter((part) => part.length > 0) };
}

function ownerEntries(input: CompletionInput, offset: number, context: OwnerContext): CompletionEntry[] {
  const seen = new Set(context.listed);
  const entries: CompletionEntry[] = [];
  const add = (unit: string, source: Localized, rank: number) => {
    const key = simplify(unit);
    if (seen.has(key) || unit.length === 0) return;
    seen.add(key);
    entries.push({
      category: 'owner',
      label: unit,
      detail: localize(source, input.locale),
      insertText: unit,
      snippet: false,
      replace: { start: offset - context.typed.length, end: offset },
      sortText: `${rank}${String(entries.length).padStart(4, '0')}`,
    });
  };
  for (const unit of input.roster) add(unit, COMPLETION_TEXT.fromRoster, 0);
  const script = draftScript(input);
  for (const unit of input.knownOwners) {
    // Owners other drafts use, minus the vague ones (有关部门) and placeholders, in this draft's script.
    const key = simplify(unit);
    if (isVagueOwner(unit) || hasPlaceholder(unit)) continue;
    add(script === 'hans' ? key : script === 'hant' ? traditionalize(unit) : unit, COMPLETION_TEXT.fromDrafts, 1);
  }
  return entries;
}

function labelEntries(input: CompletionInput, offset: number, prefix: string, script: Script): CompletionEntry[] {
  const colon = script === 'en' ? ': ' : '：';
  return labelsForScript(script).map((entry, index): CompletionEntry => {
    const doc = input.schema.fields[entry.kind];
    const typed = typedTail(prefix, entry.label);
    return {
      category: 'label',
      label: `${entry.label}${colon.trim()}`,
      detail: localize(COMPLETION_TEXT.field, input.locale, { name: localize(FIELD_NAMES[entry.kind], input.locale) }),
      documentation: `${bilingual(doc.description, input.locale)}\n\n${localize(COMPLETION_TEXT.example, input.locale, { example: `\`${bilingual(doc.example, input.locale)}\`` })}`,
      insertText: `${entry.label}${colon}`,
      snippet: false,
      replace: { start: offset - typed, end: offset },
      filterText: entry.label,
      sortText: `1${String(index).padStart(3, '0')}`,
    };
  });
}

function termEntries(input: CompletionInput, offset: number, prefix: string, script: Script): CompletionEntry[] {
  return input.glossary.map((term, index): CompletionEntry => {
    const written = script === 'hant' ? traditionalize(term.term) : term.term;
    const typed = typedTail(prefix, written);
    return {
      category: 'term',
      label: written,
      detail: localize(COMPLETION_TEXT.term, input.locale),
      documentation: bilingual(term.definition, input.locale),
      insertText: written,
      snippet: false,
      replace: { start: offset - typed, end: offset },
      filterText: written,
      sortText: `2${String(index).padStart(3, '0')}`,
    };
  });
}

/** The measure template as a snippet, with a tab stop per hole starting at `first`. */
function measureSnippet(script: Script, first: number, withMarker: boolean): string {
  const labels = CANONICAL_LABELS[script];
  const hole = escapeSnippet(PLACEHOLDER[script]);
  const stop = (n: number) => `\${${first + n}:${hole}}`;
  const body =
    script === 'en'
      ? `${stop(0)} (${labels.owner}: ${stop(1)}; ${labels.metric}: ${stop(2)}; ${labels.deadline}: ${stop(3)})`
      : `${stop(0)}（${labels.owner}：${stop(1)}；${labels.metric}：${stop(2)}；${labels.deadline}：${stop(3)}）`;
  return `${withMarker ? '1. ' : ''}${body}`;
}

function snippetEntries(input: CompletionInput, offset: number, prefix: string, script: Script): CompletionEntry[] {
  const lineStart = /^[ \t]*(?:([-*+]|\d{1,3}[.)、])[ \t]+)?$/u.exec(prefix);
  if (!lineStart) return [];
  const here = { start: offset, end: offset };
  const entries: CompletionEntry[] = [
    {
      category: 'snippet',
      label: localize(COMPLETION_TEXT.measureSnippet, input.locale),
      detail: localize(COMPLETION_TEXT.snippetDetail, input.locale),
      insertText: `${measureSnippet(script, 1, lineStart[1] === undefined)}$0`,
      snippet: true,
      replace: here,
      sortText: '0000',
    },
  ];
  if (lineStart[1] !== undefined) return entries;
  const before = input.text.slice(0, offset - prefix.length);
  const emptyDraft = input.model.nets.length === 0 && !input.model.meta.frontmatterSpan && before.trim().length === 0;
  // A plan without nets (tasks) gets no net snippet; an empty draft is offered the five-nets skeleton.
  const skeletonSchema = input.schema.nets.length > 0 ? input.schema : builtinSchema();
  if (input.schema.nets.length === 0) {
    if (emptyDraft) entries.push(skeletonEntry(input, script, here, skeletonSchema));
    return entries;
  }
  const present = new Set(input.model.nets.map((net) => net.netId));
  const ordered = [...input.schema.nets.filter((net) => !present.has(net.id)), ...input.schema.nets.filter((net) => present.has(net.id))];
  const choices = ordered.map((net) => netName(net, script).replace(/[\\$}|,]/gu, (ch) => `\\${ch}`)).join(',');
  const depth = input.model.nets[0]?.depth ?? 2;
  entries.push({
    category: 'snippet',
    label: localize(COMPLETION_TEXT.netSnippet, input.locale),
    detail: localize(COMPLETION_TEXT.snippetDetail, input.locale),
    insertText: `${'#'.repeat(depth)} \${1|${choices}|}\n\n${measureSnippet(script, 2, true)}\n$0`,
    snippet: true,
    replace: here,
    sortText: '0001',
  });
  if (emptyDraft) entries.push(skeletonEntry(input, script, here, skeletonSchema));
  return entries;
}

/** A whole draft: frontmatter, title and one section per net with a measure template. */
function skeletonEntry(input: CompletionInput, script: Script, here: Span, schema: PolicySchema): CompletionEntry {
  const hole = escapeSnippet(PLACEHOLDER[script]);
  const sections = schema.nets.map((net) => escapeSnippet(netSectionTemplate(net, script, 2, '\n'))).join('\n');
  return {
    category: 'snippet',
    label: localize(COMPLETION_TEXT.skeletonSnippet, input.locale),
    detail: localize(COMPLETION_TEXT.snippetDetail, input.locale),
    insertText: `---\ntitle: \${1:${hole}}\ndate: \${2:${input.today}}\nschema: ${escapeSnippet(schema.id)}\n---\n\n# \${1}\n\n${sections}$0`,
    snippet: true,
    replace: here,
    sortText: '0002',
  };
}
