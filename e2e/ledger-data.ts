// The enterprise files the ledger's browser tests import, and what the ledger should make of
// them. Deterministic (seeded), so every test file can recompute the expected figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { categorize, inScope, type LedgerCategory } from '../src/domain/enterprise/categories.ts';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../src/domain/enterprise/codes.ts';
import { pick, seeded } from '../src/domain/random.ts';
import { makeUscc } from '../src/domain/uscc.ts';

/** The test users' region: 宜昌市, with towns in three of its districts. */
export const REGION = { code: '420500', name: '宜昌市' };
export const DISTRICTS = [
  { code: '420502', name: '西陵区' },
  { code: '420503', name: '伍家岗区' },
  { code: '420506', name: '夷陵区' },
];
const TOWNS = ['420502001', '420502002', '420502003', '420503001', '420503002', '420506001', '420506101'];

/** One data row as the ledger will hold it (codes), with its spreadsheet form built from it. */
export interface Row {
  uscc: string;
  name: string;
  kind: '私营企业' | '个体工商户' | '社会团体';
  regionCode: string;
  industryCode: string | null;
  employees: number;
  memberCount: number;
  /** null: the column left empty, taken as memberCount and marked estimated. */
  fullMemberCount: number | null;
  ownerName: string;
  status: RegistrationStatus;
  phone: string | null;
  foundedOn: Date | null;
}

const PLACES = ['三峡', '夷陵', '西陵', '葛洲坝', '伍家', '宜都', '长江', '清江'];
const WORDS = ['科技', '机械', '建材', '商贸', '物流', '食品', '医药', '电子', '旅游', '化工', '纺织', '文化'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '海涛', '春梅', '德明', '晓东'];
const EMPLOYEES = [3, 8, 15, 45, 60, 120, 250, 320, 5, 12, 180, 35];
const MEMBERS = [0, 1, 2, 3, 5, 0, 4, 0, 1, 6, 0, 2];
const INDUSTRIES = ['C13', '52', 'F', '59', 'C27', null, '65', 'I'];

/** `count` enterprises in 宜昌市: every category but the covered ones, a few closed, a few large. */
export function goodRows(count = 36): Row[] {
  const rand = seeded(20261001);
  const names = new Set<string>();
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const individual = i % 9 === 8;
    const association = i % 11 === 10;
    let name = '';
    do {
      const place = pick(rand, PLACES);
      name = individual
        ? `${place}${pick(rand, SURNAMES)}记${pick(rand, WORDS)}经营部`
        : association
          ? `宜昌市${place}${pick(rand, WORDS)}协会`
          : `宜昌${place}${pick(rand, WORDS)}${pick(rand, SUFFIXES)}`;
    } while (names.has(name));
    names.add(name);
    const memberCount = MEMBERS[(i * 5) % MEMBERS.length];
    const status: RegistrationStatus =
      i === 7 ? 'cancelled' : i === 19 ? 'revoked' : i === 30 ? 'moved_out' : i % 5 === 1 ? 'operating' : 'active';
    rows.push({
      uscc: makeUscc(rand),
      name,
      kind: individual ? '个体工商户' : association ? '社会团体' : '私营企业',
      regionCode: TOWNS[i % TOWNS.length],
      industryCode: INDUSTRIES[i % INDUSTRIES.length],
      employees: EMPLOYEES[i % EMPLOYEES.length],
      memberCount,
      // Every fourth row leaves the full-member count out; some have a probationary member.
      fullMemberCount: i % 4 === 0 ? null : Math.max(0, memberCount - (i % 3 === 0 ? 1 : 0)),
      ownerName: `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}`,
      status,
      phone: i % 3 === 0 ? `13${String(700000000 + i * 7919).slice(0, 9)}` : null,
      foundedOn: i % 2 === 0 ? new Date(Date.UTC(2005 + (i % 17), i % 12, 1 + (i % 27))) : null,
    });
  }
  return rows;
}

/** What the ledger should show for `rows` (no party organizations exist yet in the tests). */
export function expected(rows: Row[]) {
  const open = rows.filter((r) => inScope(r.status));
  const category = (r: Row): LedgerCategory =>
    categorize({
      standaloneCovered: false,
      jointCovered: false,
      memberCount: r.memberCount,
      fullMemberCount: r.fullMemberCount ?? r.memberCount,
    });
  const categories = { standalone: 0, joint: 0, should_form: 0, joint_candidate: 0, no_member: 0 };
  for (const r of open) categories[category(r)]++;
  return {
    total: rows.length,
    inScope: open.length,
    closed: rows.length - open.length,
    categories,
    keyWatch: open.filter((r) => r.employees >= 100).length,
    category,
  };
}

const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '市场主体类型',
  '行政区划代码',
  '行业代码',
  '从业人员数',
  '党员数',
  '正式党员数',
  '负责人姓名',
  '成立日期',
  '登记状态',
  '联系电话',
];

const statusLabel = (s: RegistrationStatus) => REGISTRATION_STATUSES.find((x) => x.code === s)!.label;

/** The spreadsheet row of a Row; `override` replaces cells by header (for the error file). */
function cells(r: Row, override: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    统一社会信用代码: r.uscc,
    企业名称: r.name,
    市场主体类型: r.kind,
    行政区划代码: r.regionCode,
    行业代码: r.industryCode,
    从业人员数: r.employees,
    党员数: r.memberCount,
    正式党员数: r.fullMemberCount,
    负责人姓名: r.ownerName,
    成立日期: r.foundedOn,
    登记状态: statusLabel(r.status),
    联系电话: r.phone,
  };
  return HEADERS.map((h) => (h in override ? override[h] : base[h]) ?? null);
}

async function writeXlsx(file: string, rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业台账');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(1).numFmt = '@';
  await book.xlsx.writeFile(file);
  return file;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-e2e-ledger-'));
}

/** The regulator's annual-report file of 宜昌市: every row valid. */
export function writeGoodFile(dir: string, rows = goodRows()): Promise<string> {
  return writeXlsx(
    path.join(dir, '宜昌市企业年报-2026Q1.xlsx'),
    rows.map((r) => cells(r)),
  );
}

/** One mistake per row after the first; the row numbers are those of the spreadsheet (header = 1). */
export const ERRORS = [
  { row: 3, column: '统一社会信用代码' },
  { row: 4, column: '企业名称' },
  { row: 5, column: '从业人员数' },
  { row: 6, column: '市场主体类型' },
  { row: 7, column: '行政区划代码' },
  { row: 8, column: '正式党员数' },
] as const;

export function writeErrorFile(dir: string): Promise<string> {
  const rows = goodRows(44).slice(36); // enterprises the good file does not have
  const badCheck = (u: string) => u.slice(0, 17) + (u[17] === '0' ? '1' : '0');
  return writeXlsx(path.join(dir, '宜昌市企业年报-有错误.xlsx'), [
    cells(rows[0]),
    cells(rows[1], { 统一社会信用代码: badCheck(rows[1].uscc) }),
    cells(rows[2], { 企业名称: '' }),
    cells(rows[3], { 从业人员数: -5 }),
    cells(rows[4], { 市场主体类型: '国有企业' }),
    cells(rows[5], { 行政区划代码: '110101' }),
    cells(rows[6], { 党员数: 2, 正式党员数: 5 }),
  ]);
}
