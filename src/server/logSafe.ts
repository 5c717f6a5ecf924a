/**
 * An error as the server log may show it: its kind and first line, and for a failed query the
 * database's own reason — never the query's parameters, which carry personal data (phone
 * ciphertext, lookup hashes, names) and which drizzle puts in the message of its query errors.
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const e = error as Error & { query?: unknown; params?: unknown; cause?: unknown };
  if (typeof e.query === 'string' && 'params' in e) {
    // The database's message may quote a value too ("value "139…" is out of range"): only its
    // SQLSTATE and the names of what it refused are kept.
    const cause = (e.cause ?? {}) as Record<string, unknown>;
    const names = ['code', 'table', 'column', 'constraint', 'routine']
      .filter((k) => typeof cause[k] === 'string')
      .map((k) => `${k}=${cause[k]}`)
      .join(' ');
    return `${e.name}: 查询失败（${e.query.replace(/\s+/g, ' ').slice(0, 160)}…）${names}`;
  }
  return `${e.name}: ${e.message.split('\n')[0].slice(0, 300)}`;
}
