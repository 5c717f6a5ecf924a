import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seeded } from '../../domain/random.ts';
import { makeUscc } from '../../domain/uscc.ts';

export type SheetData = (string | number | null)[][];

const rand = seeded(42);
/** Distinct valid codes for test rows. */
export const uscc = () => makeUscc(rand);

export const HEADER = ['统一社会信用代码', '企业名称', '市场主体类型', '行政区划代码', '从业人员数', '党员数'];

/** A row under HEADER: a private enterprise in 西陵区 (420502) unless told otherwise. */
export function row(code: string, name: string, employees = 20, members = 0, region = '420502'): (string | number)[] {
  return [code, name, '私营企业', region, employees, members];
}

function csvCell(v: string | number | null): string {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a UTF-8 csv with BOM to a temp file and returns its path. */
export function writeCsv(data: SheetData, name = 'enterprises.csv'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFF${data.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
  return file;
}
