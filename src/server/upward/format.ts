// The package's shape, checked before anything is read from it (docs/upward-reports.md).
import { z } from 'zod';
import { PACKAGE_FORMAT, PACKAGE_VERSION, PERIOD_PATTERN } from '../../domain/upward/package.ts';

export const Envelope = z.object({
  format: z.literal(PACKAGE_FORMAT, { error: '不是本系统的报送包' }),
  version: z.literal(PACKAGE_VERSION, { error: `报送包版本不受支持（本系统接受第 ${PACKAGE_VERSION} 版）` }),
  payload: z.string({ error: '报送包缺少内容' }).regex(/^[A-Za-z0-9+/]+={0,2}$/, '报送包内容不是 base64'),
  signature: z.string({ error: '报送包缺少签名' }).regex(/^[A-Za-z0-9+/]+={0,2}$/, '签名不是 base64'),
});
export type Envelope = z.infer<typeof Envelope>;

const cell = z.union([z.number().finite(), z.string().max(200), z.boolean(), z.null()]);
/** A report's row or total: the report's own fields (numbers, a name); nested cells for the 年报 tables. */
const row = z.record(z.string().max(40), z.union([cell, z.record(z.string().max(20), z.number().finite())]));
const report = z
  .object({
    report: z.enum(['quarterly', 'annual', 'nb27', 'nb30']),
    region: z.string(),
    total: row,
    rows: z.array(row.and(z.object({ region: z.string(), name: z.string() }))).max(2000),
  })
  .loose();
export type PackedReport = z.infer<typeof report>;

export const Payload = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  region: z.object({ code: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/), name: z.string().max(100) }),
  period: z.string().regex(PERIOD_PATTERN, '报送期间应为年份（2026）或季度（2026Q3）'),
  sequence: z.number().int().positive(),
  signedAt: z.iso.datetime(),
  reports: z.object({
    quarterly: report.optional(),
    annual: report.optional(),
    nb27: report.optional(),
    nb30: report.optional(),
  }),
  /** The ledger's counts by category and coverage at the period's end, by the child's own child regions. */
  ledger: z.object({ asOf: z.string(), total: row, rows: z.array(row).max(2000) }),
});
export type Payload = z.infer<typeof Payload>;
