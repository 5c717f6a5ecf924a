/**
 * The files the import benchmark reads: the .xlsx a user would upload (ExcelJS streaming
 * writer, the template's headers and labels, shared strings and date cells as Excel writes
 * them), and the same rows in their stored form as a COPY text file for the write floor.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { type Choice, labelOf } from '../src/domain/enterprise/codes.ts';
import { type ColumnKey, ENTERPRISE_COLUMNS } from '../src/domain/enterprise/columns.ts';
import type { Keys } from '../src/server/keys.ts';
import { type SyntheticEnterprise, syntheticEnterprises } from './data.ts';

function cell(e: SyntheticEnterprise, key: ColumnKey, choices?: readonly Choice<string | boolean>[]) {
  const v = e[key];
  if (v === null) return null;
  if (key === 'foundedOn') return new Date(`${v}T00:00:00Z`);
  if (choices) return labelOf(choices, v as string | boolean);
  return v;
}

/** Writes `rows` enterprises as an import .xlsx; returns its size in bytes. */
export async function writeImportXlsx(file: string, rows: number, seed?: number): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('企业台账');
  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    style: c.key === 'foundedOn' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  for (const e of syntheticEnterprises(rows, seed)) {
    sheet.addRow(ENTERPRISE_COLUMNS.map((c) => cell(e, c.key, c.choices))).commit();
  }
  sheet.commit();
  await book.commit();
  return fs.statSync(file).size;
}

/** The columns of `enterprises` the COPY floor writes, in order. */
export const COPY_COLUMNS = [
  'id',
  'uscc',
  'name',
  'kind',
  'region_code',
  'industry_code',
  'employees',
  'member_count',
  'full_member_count',
  'full_member_estimated',
  'owner_name',
  'owner_political_status',
  'above_scale',
  'cluster',
  'founded_on',
  'registration_status',
  'phone',
  'phone_hash',
  'reported_has_org',
  'reported_formation',
  'has_union',
  'has_league',
];

const text = (v: string | number | boolean | null) => (v === null ? '\\N' : String(v));

/** The same rows as the stored ledger would hold them (phone encrypted), in COPY text format. */
export function writeCopyText(file: string, rows: number, keys: Keys, seed?: number): void {
  const out = fs.openSync(file, 'w');
  let chunk: string[] = [];
  let id = 0;
  for (const e of syntheticEnterprises(rows, seed)) {
    id++;
    chunk.push(
      [
        id,
        e.uscc,
        e.name,
        e.kind,
        e.regionCode,
        e.industryCode,
        e.employees,
        e.memberCount,
        e.fullMemberCount ?? e.memberCount,
        e.fullMemberCount === null,
        e.ownerName,
        e.ownerPoliticalStatus,
        e.aboveScale,
        e.cluster,
        e.foundedOn,
        e.registrationStatus,
        e.phone && keys.encrypt(e.phone),
        e.phone && keys.lookupHash(e.phone),
        e.reportedHasOrg,
        e.reportedFormation,
        e.hasUnion,
        e.hasLeague,
      ]
        .map(text)
        .join('\t'),
    );
    if (chunk.length >= 5000) {
      fs.writeSync(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(out, `${chunk.join('\n')}\n`);
  fs.closeSync(out);
}
