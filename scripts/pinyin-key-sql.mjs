// Prints the rank table of migration 0029 (dangjian_pinyin_ranks): every CJK unified
// ideograph of the basic block (U+4E00–U+9FFF), two bytes each in code point order, holding
// its place when all of them are sorted by Intl.Collator('zh-CN') (ICU's pinyin order). The
// ranks are fixed in the migration, so a stored key never depends on the ICU of the machine
// or the database that writes a name. `node scripts/pinyin-key-sql.mjs`
const FIRST = 0x4e00;
const LAST = 0x9fff;
const chars = [];
for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCodePoint(c));
const collator = new Intl.Collator('zh-CN');
// Ties (none expected among distinct ideographs) keep code point order.
const sorted = chars.map((ch, i) => ({ ch, i })).sort((a, b) => collator.compare(a.ch, b.ch) || a.i - b.i);
const ranks = Buffer.alloc(chars.length * 2);
for (const [rank, { i }] of sorted.entries()) ranks.writeUInt16BE(rank, i * 2);
process.stdout.write(`CREATE FUNCTION dangjian_pinyin_ranks() RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT '\\x${ranks.toString('hex')}'::bytea $$;
`);
