// The two organisational-life files — past meetings and achievements (imports/orglife/) — as
// adapters: no period or source of their own, rows named by org, kind and date, and a
// confirmation that checks every row again through the write paths and, finding an error,
// records the batch as rejected: all or nothing, never partial.
import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { importRows } from '../../db/schema.ts';
import { HttpError } from '../../errors.ts';
import { type Batch, batchOfKind, countBatch, offsetOf } from '../batches.ts';
import { checkAchievements, writeAchievements } from '../orglife/achievements.ts';
import { ORGLIFE_KINDS, type OrglifeImportKind } from '../orglife/kinds.ts';
import { checkMeetings, writeMeetings } from '../orglife/meetings.ts';
import { readOrglifeFile } from '../orglife/stage.ts';
import { orglifeTemplate } from '../orglife/template.ts';
import type { Checked, ImportAdapter } from '../pipeline.ts';

const OUTCOMES = ['added', 'changed', 'error'] as const;

function orglifeAdapter(
  kind: OrglifeImportKind,
  check: (tx: Tx, actor: Actor, batch: Batch) => Promise<Checked>,
): ImportAdapter {
  const info = ORGLIFE_KINDS[kind];
  return {
    kind,
    tag: `${info.title}导入`,
    title: info.title,
    permission: info.permission,
    readPermission: info.readPermission,
    actions: info.actions,
    summaries: {
      template: `下载${info.title}导入模板（.xlsx，带下拉选项和填写说明）`,
      upload: `上传${info.title}文件（请求体为文件内容），开始读取与核对；返回批次，读取进度与预览见批次`,
      list: `${info.title}导入批次记录`,
      rows: '批次的行：新增、补记（发展党员记录已登记的会议）或错误',
      apply: '确认：重新核对后写入待确认的批次（全部或全不）',
      discard: '放弃待确认的批次（不写入任何数据）',
    },
    // All or nothing (issue #15): a file with an error writes no row, so there is no partial import.
    labels: ({ partial }) => {
      if (partial) throw new HttpError(400, 'no_partial', `${info.title}文件不支持部分导入：有错误时整个文件都不写入`);
      return { period: '', source: info.title };
    },
    template: () => orglifeTemplate(kind),
    read: ({ db, actor, batchId, file, onCount, onProgress }) =>
      readOrglifeFile(db, actor, kind, batchId, file, onCount, onProgress),
    check: (tx, actor, batch) => check(tx, actor, batch),
    unreadable: countBatch,
    auditDiff: (b, status, counts) => ({ kind: b.kind, fileName: b.fileName, sha256: b.sha256, status, counts }),
    errorsOnApply: {
      mode: 'reject',
      message: '确认时重新核对发现错误，批次已拒绝，未写入任何数据；请查看错误列表，修正文件后重新导入',
    },
    rows: {
      outcome: z.enum(OUTCOMES),
      item: z.object({
        row: z.number(),
        name: z.string().nullable().openapi({ description: '党组织 · 类型 · 日期' }),
        idNumber: z.string().nullable().openapi({ description: '这两种文件没有，为空' }),
        outcome: z.string().nullable(),
        diff: z.unknown().openapi({ description: '这两种文件没有，为空' }),
      }),
      list: async (tx, actor, id, outcome, page) => {
        await batchOfKind(tx, actor, kind, id);
        const where = and(eq(importRows.batchId, id), eq(importRows.outcome, outcome as (typeof OUTCOMES)[number]));
        const [{ total }] = await tx.select({ total: count() }).from(importRows).where(where);
        const items = await tx
          .select({
            row: importRows.row,
            name: sql<string | null>`${importRows.data}->'v'->>'name'`,
            idNumber: sql<string | null>`null`,
            outcome: importRows.outcome,
            diff: importRows.diff,
          })
          .from(importRows)
          .where(where)
          .orderBy(asc(importRows.row))
          .limit(page.pageSize)
          .offset(offsetOf(page));
        return { total, items };
      },
    },
  };
}

export const meetingImport = orglifeAdapter('meetings', async (tx, actor, batch) => {
  const plans = await checkMeetings(tx, actor, batch);
  return { counts: await countBatch(tx, batch.id), write: () => writeMeetings(tx, actor, plans) };
});

export const achievementImport = orglifeAdapter('achievements', async (tx, actor, batch) => {
  const plans = await checkAchievements(tx, actor, batch);
  return { counts: await countBatch(tx, batch.id), write: () => writeAchievements(tx, actor, plans) };
});
