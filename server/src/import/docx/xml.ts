/** The little of the DOM that the numbering and properties readers use (from @xmldom/xmldom). */
export interface XmlNode {
  nodeType: number;
  parentNode: XmlNode | null;
  childNodes: ArrayLike<XmlNode>;
  textContent: string | null;
}

export interface XmlElement extends XmlNode {
  localName: string;
  namespaceURI: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

export interface XmlDocument {
  documentElement: XmlElement | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

export const ELEMENT_NODE = 1;

/** WordprocessingML, transitional (what Word and WPS write) and strict (ISO 29500 strict). */
export const WORD_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

export function isWord(element: XmlNode, localName: string): element is XmlElement {
  return element.nodeType === ELEMENT_NODE && (element as XmlElement).localName === localName && WORD_NAMESPACES.has((element as XmlElement).namespaceURI ?? '');
}

/** Word elements named `localName` under `root`, in document order. */
export function wordElements(root: XmlDocument | XmlElement, localName: string): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS('*', localName)).filter((element) => WORD_NAMESPACES.has(element.namespaceURI ?? ''));
}

/** The first Word child element named `localName`. */
export function wordChild(element: XmlElement | null | undefined, localName: string): XmlElement | null {
  if (!element) return null;
  for (const child of Array.from(element.childNodes)) if (isWord(child, localName)) return child;
  return null;
}

/** A w:val-style attribute (w:val, in either namespace spelling: the prefix is what Word writes). */
export function wordAttribute(element: XmlElement | null | undefined, name: string): string | null {
  if (!element) return null;
  return element.getAttribute(`w:${name}`) ?? element.getAttribute(name);
}
