/**
 * Lower case that keeps every offset: `toLowerCase()` may change a string's length
 * ('İ' becomes 'i̇', two UTF-16 units), and an index found in the lowered text would then
 * point at the wrong characters of the draft. Units whose lower case is not one unit stay.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let output = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    const lowered = unit.toLowerCase();
    output += lowered.length === 1 ? lowered : unit;
  }
  return output;
}
