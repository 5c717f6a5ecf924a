// Reading a meeting or achievement file into its batch's staging rows: the header matched to the
// kind's columns, each row parsed (its value staged as `v`, with the name the preview shows it
// by), every error of a row issued by row and column. The shared loop is ../stage.ts.
import type { Actor } from '../../actor.ts';
import type { Db } from '../../db/client.ts';
import type { UploadKind } from '../../files/inspect.ts';
import { today } from '../../today.ts';
import type { Issue } from '../batches.ts';
import { insertStagedRows, type StagedRow } from '../orgs/stage.ts';
import { type StageReading, stageFile } from '../stage.ts';
import { noDataRowsMessage, ORGLIFE_KINDS, type OrglifeImportKind } from './kinds.ts';

/** Noon of the server's today: what “in the future” is measured against, whatever the time zone. */
function todayAsDate(): Date {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

function reading(kind: OrglifeImportKind): StageReading<string, StagedRow> {
  const info = ORGLIFE_KINDS[kind];
  const now = todayAsDate();
  return {
    header(cells, rowNumber) {
      const header = info.mapHeader(cells, rowNumber);
      const issues: Issue[] = [
        ...header.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
        ...header.errors.map((e) => ({ ...e, severity: 'error' as const })),
      ];
      return { columns: header.errors.length > 0 ? null : header.columns, issues };
    },
    row(columns, cells, rowNumber) {
      const parsed = info.parse(columns, cells, rowNumber, now);
      const staged: StagedRow = parsed.ok
        ? {
            row: rowNumber,
            data: { v: { ...(parsed.value as object), name: info.summary(parsed.value) }, warnings: parsed.warnings },
            has_errors: false,
            outcome: null,
          }
        : { row: rowNumber, data: { raw: {} }, has_errors: true, outcome: 'error' };
      const issues: Issue[] = [
        ...parsed.errors.map((e) => ({ ...e, severity: 'error' as const })),
        ...parsed.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
      ];
      return { staged, issues };
    },
    insert: insertStagedRows,
    chunkRows: 1000,
    noDataRows: noDataRowsMessage(kind),
  };
}

export function readOrglifeFile(
  db: Db,
  actor: Actor,
  kind: OrglifeImportKind,
  batchId: number,
  file: { path: string; kind: UploadKind },
  onCount: (nonEmptyRows: number) => unknown,
  onProgress: (rowsRead: number) => void,
): Promise<string[] | null> {
  return stageFile(db, actor, batchId, file, reading(kind), onCount, onProgress);
}
