/** XML text for attributes and content, well-formed whatever the input (JUnit and Checkstyle). */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/gu, '&amp;')
      .replace(/</gu, '&lt;')
      .replace(/>/gu, '&gt;')
      .replace(/"/gu, '&quot;')
      .replace(/'/gu, '&apos;')
      // As references, so attribute-value normalization keeps them (a raw tab or line break becomes a space).
      .replace(/\t/gu, '&#9;')
      .replace(/\n/gu, '&#10;')
      .replace(/\r/gu, '&#13;')
      // XML 1.0 forbids most control characters even when escaped, and lone surrogates.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '\ufffd')
  );
}
