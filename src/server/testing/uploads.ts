/** Enterprise imports through the API, as the web app makes them: upload, then wait for the batch. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TestClient, TestResponse } from './client.ts';

export interface UploadOptions {
  fileName?: string;
  period?: string;
  source?: string;
  partial?: boolean;
  dryRun?: boolean;
}

/** POSTs a file (a path or its bytes) to the enterprise import. */
export function uploadEnterprises(client: TestClient, file: string | Uint8Array, opts: UploadOptions = {}) {
  const bytes = typeof file === 'string' ? fs.readFileSync(file) : file;
  const fileName = opts.fileName ?? (typeof file === 'string' ? path.basename(file) : 'enterprises.csv');
  const query = new URLSearchParams({
    fileName,
    period: opts.period ?? '2026Q3',
    source: opts.source ?? '市场监管局年报',
    partial: String(opts.partial ?? false),
    dryRun: String(opts.dryRun ?? false),
  });
  return client.upload(`/api/imports/enterprises?${query}`, bytes);
}

/** Polls the batch until it is no longer being read, as the web app's progress bar does. */
export async function settled(client: TestClient, batchId: number, timeoutMs = 30_000): Promise<TestResponse> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/imports/enterprises/batches/${batchId}`);
    if (res.status !== 200 || res.body.status !== 'reading') return res;
    if (Date.now() > until) throw new Error(`batch ${batchId} still reading after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Uploads and waits: the settled batch. */
export async function importThrough(client: TestClient, file: string | Uint8Array, opts: UploadOptions = {}) {
  const res = await uploadEnterprises(client, file, opts);
  if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${JSON.stringify(res.body)}`);
  const batch = await settled(client, res.body.id);
  return batch.body as { id: number; status: string; counts: Record<string, number>; failure: string | null };
}

/** A downloaded workbook, read back. */
export async function readWorkbook(bytes: Buffer | undefined): Promise<ExcelJS.Workbook> {
  if (!bytes) throw new Error('no bytes: request the download with { binary: true }');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

/** A worksheet's rows as plain arrays (column A first), empty cells as null. */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1] ?? null));
  });
  return rows;
}
