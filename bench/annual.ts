/**
 * The annual statistics benchmark (issue #6): 非公有制企业党建工作情况统计表 for a province's
 * child regions (湖北省 420000, whose 宜昌市 holds the loaded ledger) as the API and the CLI
 * produce the .xlsx — exportReport in a transaction as dangjian_app under row-level
 * security: settings, annualReport, annualWorkbook, the audit row —
 * against computing the same figures alone — runReport: the same without the workbook and
 * the audit. By a province committee user; for the last complete year (as of 31 December:
 * every figure from the dated facts) and for the running year (as of today).
 */
import os from 'node:os';
import ExcelJS from 'exceljs';
import type { Actor } from '../src/server/actor.ts';
import { inScope } from '../src/server/db/tx.ts';
import type { AnnualReport } from '../src/server/reports/annual.ts';
import { exportReport, runReport } from '../src/server/reports/service.ts';
import { today } from '../src/server/today.ts';
import type { BenchDatabase } from './db.ts';
import { median, type Summary, summarize, timed } from './stats.ts';

export const PROVINCE = '420000';

export interface AnnualYear {
  year: number;
  asOf: string;
  rows: number;
  inScope: number;
  bytes: number;
  /** runReport: annualReport alone. */
  figures: Summary;
  /** exportReport: annualReport, annualWorkbook and the audit row, the .xlsx as it is downloaded. */
  xlsx: Summary;
  /** Median of xlsx / median of figures; target < 2. */
  ratio: number;
  runs: { figuresMs: number; xlsxMs: number }[];
}

export interface AnnualFigures {
  region: string;
  years: AnnualYear[];
  loadAverage: { start: number[]; end: number[] };
}

/** Throws unless the workbook is a readable .xlsx carrying every row's region and the total's in-scope count. */
async function checkWorkbook(buffer: Buffer, report: AnnualReport) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const text = new Set<string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        text.add(String(cell.value));
      }),
    );
  for (const r of report.rows)
    if (!text.has(r.name)) throw new Error(`the annual .xlsx has no row for ${r.name} (${r.region})`);
  if (!text.has(String(report.total.inScope)))
    throw new Error(`the annual .xlsx does not show the total in scope, ${report.total.inScope}`);
}

export async function annualBenchmark(
  db: BenchDatabase,
  province: Actor,
  opts: { repeat: number; log: (s: string) => void },
): Promise<AnnualFigures> {
  const start = os.loadavg();
  const now = today();
  const current = Number(now.slice(0, 4));
  const request = (year: number) => ({ report: 'annual' as const, region: PROVINCE, year });
  const figures = async (year: number) =>
    (await inScope(db.database.db, province, (tx) => runReport(tx, province, request(year)))) as AnnualReport;
  const xlsx = (year: number) => inScope(db.database.db, province, (tx) => exportReport(tx, province, request(year)));
  const years: AnnualYear[] = [];
  for (const year of [current - 1, current]) {
    opts.log(`annual ${year}: warming up…`);
    const report = await figures(year);
    const exported = await xlsx(year);
    const buffer = exported.buffer;
    await checkWorkbook(buffer, exported.report as AnnualReport);
    if (JSON.stringify(exported.report) !== JSON.stringify(report))
      throw new Error(`annual ${year}: the .xlsx was made from other figures than the report's`);
    opts.log(`annual ${year}: ${opts.repeat} runs each way…`);
    const runs: AnnualYear['runs'] = [];
    for (let i = 0; i < opts.repeat; i++) {
      // Alternate which goes first, so neither always finds the other's pages in the cache.
      let figuresMs = 0;
      let xlsxMs = 0;
      for (const way of i % 2 === 0 ? ['figures', 'xlsx'] : ['xlsx', 'figures']) {
        if (way === 'figures') figuresMs = (await timed(() => figures(year))).ms;
        else xlsxMs = (await timed(() => xlsx(year))).ms;
      }
      runs.push({ figuresMs, xlsxMs });
    }
    const f = runs.map((r) => r.figuresMs);
    const x = runs.map((r) => r.xlsxMs);
    years.push({
      year,
      asOf: report.asOf,
      rows: report.rows.length,
      inScope: report.total.inScope,
      bytes: buffer.length,
      figures: summarize(f),
      xlsx: summarize(x),
      ratio: median(x) / median(f),
      runs,
    });
  }
  return { region: PROVINCE, years, loadAverage: { start, end: os.loadavg() } };
}
