/** The result of reading one cell: a value, or a message (zh-CN, naming the column and the rule). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
