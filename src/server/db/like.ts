/** `s` with LIKE's wildcards (and its escape character) escaped, to match literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** The LIKE pattern of any text containing `s`. */
export const containing = (s: string) => `%${escapeLike(s)}%`;
