/**
 * Which Word paragraph each piece of the output came from. mammoth's HTML keeps no source
 * positions, so each paragraph carries a marker through the conversion: Unicode
 * noncharacters (U+FDD0–U+FDEF, reserved for a program's internal use and never text a
 * drafter typed) that no step escapes or trims. The marker says the ¶ number and how the
 * paragraph looked in Word; the last step reads the markers line by line and removes them.
 */
import type { WordParagraph } from './paragraphs';

const START = '\uFDD0';
const END = '\uFDD1';
const FLAG_EMPHASIZED = '\uFDD2';
const FLAG_CENTER = '\uFDD3';
const FLAG_RIGHT = '\uFDD4';
const FLAG_RED = '\uFDD5';
const ZERO = 0xfde0;

export const MARKER_PATTERN = /\uFDD0([\uFDD2-\uFDD5]*)([\uFDE0-\uFDE9]+)\uFDD1/gu;
const ANY_MARKER_CHARACTER = /[\uFDD0-\uFDEF]/gu;

export function encodeMarker(paragraph: WordParagraph): string {
  const flags = (paragraph.emphasized ? FLAG_EMPHASIZED : '') + (paragraph.alignment === 'center' ? FLAG_CENTER : '') + (paragraph.alignment === 'right' ? FLAG_RIGHT : '') + (paragraph.red ? FLAG_RED : '');
  const digits = Array.from(String(paragraph.number), (digit) => String.fromCharCode(ZERO + Number(digit))).join('');
  return `${START}${flags}${digits}${END}`;
}

export interface MarkerFacts {
  number: number;
  emphasized: boolean;
  alignment: 'center' | 'right' | null;
  red: boolean;
}

/** The facts of the first marker in `text`, or null. */
export function readMarker(text: string): MarkerFacts | null {
  MARKER_PATTERN.lastIndex = 0;
  const match = MARKER_PATTERN.exec(text);
  if (!match) return null;
  const flags = match[1];
  return {
    number: Number(Array.from(match[2], (character) => character.charCodeAt(0) - ZERO).join('')),
    emphasized: flags.includes(FLAG_EMPHASIZED),
    alignment: flags.includes(FLAG_CENTER) ? 'center' : flags.includes(FLAG_RIGHT) ? 'right' : null,
    red: flags.includes(FLAG_RED),
  };
}

export function stripMarkers(text: string): string {
  return text.replace(MARKER_PATTERN, '').replace(ANY_MARKER_CHARACTER, '');
}

/** Remove noncharacters a document might hold itself, so they cannot pass for markers. */
export function withoutMarkerCharacters(text: string): string {
  return text.replace(ANY_MARKER_CHARACTER, '');
}
