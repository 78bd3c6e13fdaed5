/** Document properties (docProps/core.xml): the title and date a draft's front matter carries. */
import { parseXml, type DocxPackage } from './package';

export interface DocumentProperties {
  title: string | null;
  /** YYYY-MM-DD, from dcterms:created (when the draft was begun: deadlines like 年底前 read against it). */
  date: string | null;
}

export function readProperties(pkg: DocxPackage): DocumentProperties {
  const text = pkg.parts.get('docProps/core.xml');
  if (!text) return { title: null, date: null };
  const root = parseXml(text, 'docProps/core.xml');
  const first = (localName: string) => {
    const element = Array.from(root.getElementsByTagNameNS('*', localName))[0];
    const value = element?.textContent?.trim() ?? '';
    return value.length > 0 ? value : null;
  };
  const created = first('created');
  const date = created && /^\d{4}-\d{2}-\d{2}/u.test(created) ? created.slice(0, 10) : null;
  return { title: first('title'), date };
}
