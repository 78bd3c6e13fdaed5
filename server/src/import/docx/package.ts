/**
 * Opening the .docx package (a zip) with JSZip, the zip reader mammoth itself uses. Every XML
 * part is inflated here once, each bounded, before mammoth reads the package: a "zip bomb"
 * (a few kilobytes that inflate to gigabytes) is refused instead of filling the memory.
 */
import JSZip from 'jszip';
import { DocxError } from './errors';
import type { XmlDocument } from './xml';

// Loaded with require and typed by ./xml: its own typings pull the DOM library into the
// whole server project (`/// <reference lib="dom" />`), which the engine must not see.
const { DOMParser } = require('@xmldom/xmldom') as { DOMParser: new (options: { errorHandler: (level: string, message: unknown) => void }) => { parseFromString(text: string, type: string): XmlDocument } };

/** A 200-page plan's document.xml is 3–10 MB; styles and numbering are far smaller. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_XML_BYTES = 128 * 1024 * 1024;

export interface DocxPackage {
  /** The XML parts (and .rels), inflated and decoded, by their name in the zip. */
  parts: Map<string, string>;
  /** The main document part's name (normally word/document.xml). */
  documentPart: string;
}

export async function openPackage(bytes: Uint8Array): Promise<DocxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new DocxError(`corrupt Word document (${firstLine(error)})`);
  }
  const parts = new Map<string, string>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/iu.test(entry.name)) continue;
    const data = await inflateBounded(entry, Math.min(MAX_PART_BYTES, MAX_TOTAL_XML_BYTES - total));
    total += data.length;
    parts.set(entry.name, data.toString('utf8'));
  }
  const documentPart = mainDocumentPart(parts);
  if (!parts.has(documentPart)) {
    const kind = parts.has('xl/workbook.xml') ? ' (an Excel workbook?)' : parts.has('ppt/presentation.xml') ? ' (a PowerPoint deck?)' : '';
    throw new DocxError(`not a Word document: the package has no ${documentPart}${kind}`);
  }
  return { parts, documentPart };
}

/** An entry's bytes, or a DocxError once they pass `limit` (reading stops there). */
function inflateBounded(entry: JSZip.JSZipObject, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Paused and dropped: the inflater stops with it, nothing more is kept.
        stream.pause();
        stream.removeAllListeners('data');
        reject(new DocxError(`Word document too large once unpacked: ${entry.name} passes ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (error: unknown) => reject(new DocxError(`corrupt Word document (${entry.name}: ${firstLine(error)})`)));
  });
}

function mainDocumentPart(parts: Map<string, string>): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    const root = parseXml(rels, '_rels/.rels');
    for (const rel of Array.from(root.getElementsByTagNameNS('*', 'Relationship'))) {
      if (/\/officeDocument$/u.test(rel.getAttribute('Type') ?? '')) return (rel.getAttribute('Target') ?? 'word/document.xml').replace(/^\//u, '');
    }
  }
  return 'word/document.xml';
}

/** Parse an XML part; a malformed one is a corrupt document, not a crash. */
export function parseXml(text: string, name: string): XmlDocument {
  let problem: string | null = null;
  const parser = new DOMParser({
    errorHandler: (level, message) => {
      if (level !== 'warning') problem ??= String(message);
    },
  });
  let document: XmlDocument;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new DocxError(`corrupt Word document (${name}: ${firstLine(error)})`);
  }
  if (problem !== null || !document.documentElement) throw new DocxError(`corrupt Word document (${name}: ${firstLine(problem ?? 'no root element')})`);
  return document;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
}
