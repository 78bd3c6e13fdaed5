/**
 * The text a snippet inserts, read with the snippet grammar (tab stops `${n:default}` become
 * their default, `\$` `\}` `\\` their character): the oracle that a snippet edit inserts
 * exactly its plain edit's text. Written apart from the module it checks.
 */
export function snippetInsertText(value: string): string {
  let text = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && i + 1 < value.length && '\\$}'.includes(value[i + 1])) {
      text += value[++i];
    } else if (char === '$' && value[i + 1] === '{') {
      const match = /^\$\{\d+:/u.exec(value.slice(i));
      if (!match) throw new Error(`not a tab stop at ${i}: ${value}`);
      i += match[0].length - 1;
      depth++;
    } else if (char === '}' && depth > 0) {
      depth--;
    } else if (char === '$' || char === '}') {
      throw new Error(`unescaped ${char} at ${i}: ${value}`);
    } else {
      text += char;
    }
  }
  if (depth !== 0) throw new Error(`unclosed tab stop: ${value}`);
  return text;
}
