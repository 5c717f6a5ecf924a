// The two organisational-life files (docs/formats/orglife-import.md) — past meetings and achievements —
// as the import machinery sees them: who may import them, how a header and a row are read, what
// one row is called in the preview, and the template's footer.

import { ACHIEVEMENT_KINDS } from '../../../domain/achievements/codes.ts';
import type { AuditAction } from '../../../domain/auditActions.ts';
import { labelOf } from '../../../domain/enterprise/codes.ts';
import type { ImportRowResult } from '../../../domain/enterprise/rowReader.ts';
import type { ImportColumnDef, ImportHeaderMapping } from '../../../domain/org/importColumns.ts';
import {
  ACHIEVEMENT_COLUMNS,
  achievementColumnSet,
  MEETING_COLUMNS,
  meetingColumnSet,
} from '../../../domain/orglife/importColumns.ts';
import {
  type AchievementRowValue,
  type MeetingRowValue,
  parseAchievementRow,
  parseMeetingRow,
} from '../../../domain/orglife/importRows.ts';
import { MEETING_KINDS } from '../../../domain/orglife/meetings.ts';
import type { Permission } from '../../../domain/roles.ts';

export const ORGLIFE_IMPORT_KINDS = ['meetings', 'achievements'] as const;
export type OrglifeImportKind = (typeof ORGLIFE_IMPORT_KINDS)[number];

export interface OrglifeKindInfo {
  permission: Permission;
  readPermission: Permission;
  actions: {
    import: AuditAction;
    discard: AuditAction;
    template: AuditAction;
    list: AuditAction;
    read: AuditAction;
    errorReport: AuditAction;
  };
  /** The file's name in messages, the template's file and sheet. */
  title: string;
  /** What one row is, in messages. */
  noun: string;
  columns: readonly ImportColumnDef<string>[];
  mapHeader(cells: readonly unknown[], headerRow: number): ImportHeaderMapping<string>;
  parse(
    columns: ReadonlyMap<number, string>,
    cells: readonly unknown[],
    row: number,
    today: Date,
  ): ImportRowResult<unknown>;
  /** How a row is named in the preview: 党组织 · 类型 · 日期. */
  summary(value: unknown): string;
  footer: string;
}

const actions = (noun: 'meeting' | 'achievement') =>
  ({
    import: `${noun}.import`,
    discard: `${noun}.import_discard`,
    template: `${noun}.import_template`,
    list: `${noun}.import_list`,
    read: `${noun}.import_read`,
    errorReport: `${noun}.import_error_report`,
  }) as const;

export const ORGLIFE_KINDS: Record<OrglifeImportKind, OrglifeKindInfo> = {
  meetings: {
    permission: 'orglife.write',
    readPermission: 'orglife.write',
    actions: actions('meeting'),
    title: '组织生活会议',
    noun: '会议',
    columns: MEETING_COLUMNS,
    mapHeader: (cells, headerRow) => meetingColumnSet.mapHeader(cells, { headerRow }),
    parse: (columns, cells, row, today) =>
      parseMeetingRow(meetingColumnSet.rowCells(columns as ReadonlyMap<number, never>, cells), row, today),
    summary: (v) => {
      const m = v as MeetingRowValue;
      return `${m.org} · ${labelOf(MEETING_KINDS, m.kind)} · ${m.heldOn}`;
    },
    footer:
      '第 1 行为表头，列的顺序不限；空行会被跳过。同一党组织同一天的同类会议只记录一次（党小组会按党小组）：文件中重复或系统中已有的会议会被指出，不会写入两次；发展党员记录已登记的支部党员大会，导入时补记其到会情况。整个文件有任何错误，都不写入。',
  },
  achievements: {
    permission: 'orglife.write',
    readPermission: 'orglife.write',
    actions: actions('achievement'),
    title: '作用发挥',
    noun: '作用发挥记录',
    columns: ACHIEVEMENT_COLUMNS,
    mapHeader: (cells, headerRow) => achievementColumnSet.mapHeader(cells, { headerRow }),
    parse: (columns, cells, row, today) =>
      parseAchievementRow(achievementColumnSet.rowCells(columns as ReadonlyMap<number, never>, cells), row, today),
    summary: (v) => {
      const a = v as AchievementRowValue;
      return `${a.org} · ${labelOf(ACHIEVEMENT_KINDS, a.kind)} · ${a.onDate}`;
    },
    footer:
      '第 1 行为表头，列的顺序不限；空行会被跳过。七个类别写在同一张表中，每行一条，“类别”决定该行须填哪些列：建言献策填形式、提出人（党员或非党员提出人）、是否采纳、经济效益；目标承诺填一名党员、起止日期、是否践诺；破解难题填经济效益；创新项目填形式、经济效益；社会贡献填形式、金额；党员示范岗、党员责任区填党员和起始日期。金额以万元计，最多两位小数。同一党组织同一天同类别同内容的记录只记录一次。整个文件有任何错误，都不写入。',
  },
};

export const noDataRowsMessage = (kind: OrglifeImportKind) =>
  `文件中没有数据行：第 1 行为表头，其后至少需要一行${ORGLIFE_KINDS[kind].noun}`;
