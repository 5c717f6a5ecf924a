// Chinese IMEs often emit full-width ASCII (“９１３５…”, “ｘ”), which users cannot tell
// apart from half-width on screen; folding them keeps codes comparable and storable.
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII (U+FF01–U+FF5E) → U+0021–U+007E; ideographic space U+3000 → space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= FULLWIDTH_FIRST && cp <= FULLWIDTH_LAST) {
      out += String.fromCharCode(cp - FULLWIDTH_OFFSET);
    } else if (cp === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * ASCII-only upper-casing: `String.prototype.toUpperCase` maps e.g. “ß” to “SS”,
 * which would change the length a validator then reports to the user.
 */
export function toAsciiUpperCase(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
