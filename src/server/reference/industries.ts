import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { industries } from '../db/schema.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference/industries.json');

interface IndustryFile {
  sections: { code: string; name: string; nameEn: string }[];
  divisions: { code: string; section: string; name: string; nameEn: string }[];
}

/** Writes GB/T 4754-2017 sections and divisions; re-running it picks up corrections to the file. */
export async function loadIndustries(db: Db): Promise<number> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as IndustryFile;
  const rows = [
    ...data.sections.map((s) => ({ code: s.code, section: s.code, name: s.name, nameEn: s.nameEn, isSection: true })),
    ...data.divisions.map((d) => ({
      code: d.code,
      section: d.section,
      name: d.name,
      nameEn: d.nameEn,
      isSection: false,
    })),
  ];
  await db
    .insert(industries)
    .values(rows)
    .onConflictDoUpdate({
      target: industries.code,
      set: {
        section: sql`excluded.section`,
        name: sql`excluded.name`,
        nameEn: sql`excluded.name_en`,
        isSection: sql`excluded.is_section`,
      },
      // Every start runs this: rows that did not change are not rewritten (no new row
      // versions, no WAL), which took a restart's share of it from about 0.35 s to a read.
      setWhere: sql`(${industries.section}, ${industries.name}, ${industries.nameEn}, ${industries.isSection})
        is distinct from (excluded.section, excluded.name, excluded.name_en, excluded.is_section)`,
    });
  return rows.length;
}
