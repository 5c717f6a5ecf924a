// Masking for display and logs (个人信息保护法: show only what the reader needs to recognise the record).

function maskKeeping(s: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(s.trim());
  // Too short to mask meaningfully: keeping both ends would reveal everything.
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** Keeps the first 3 and last 4 characters, preserving length: `110***********1234`. */
export function maskIdNumber(s: string): string {
  return maskKeeping(s, 3, 4);
}

/** `138****5678` for an 11-digit mainland mobile; other numbers keep only the last 4. */
export function maskPhone(s: string): string {
  const t = s.trim();
  if (/^1\d{10}$/.test(t)) return maskKeeping(t, 3, 4);
  return maskKeeping(t, 0, 4);
}

/**
 * `1985-**-**`: beside a masked ID number the full birth date gives back its middle digits
 * (only the county digits stay hidden, a handful of candidates), so wherever the ID number is
 * masked the birth date keeps only its year.
 */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : '*'.repeat(date.length);
}
