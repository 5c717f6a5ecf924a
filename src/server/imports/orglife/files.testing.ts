// Meeting and achievement files for the tests, written as each test needs them: the header of
// every column (or those given), one row per object, a cell left empty unless given.
import {
  ACHIEVEMENT_COLUMNS,
  type AchievementColumnKey,
  MEETING_COLUMNS,
  type MeetingColumnKey,
} from '../../../domain/orglife/importColumns.ts';
import { type SheetData, writeCsv } from '../../testing/enterpriseFiles.ts';

type Cell = string | number | null;

function sheet<K extends string>(
  columns: readonly { key: K; header: string }[],
  rows: Partial<Record<K, Cell>>[],
): SheetData {
  return [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.key] ?? null))];
}

export const meetingSheet = (rows: Partial<Record<MeetingColumnKey, Cell>>[]) => sheet(MEETING_COLUMNS, rows);
export const achievementSheet = (rows: Partial<Record<AchievementColumnKey, Cell>>[]) =>
  sheet(ACHIEVEMENT_COLUMNS, rows);

export const meetingFile = (rows: Partial<Record<MeetingColumnKey, Cell>>[]) =>
  writeCsv(meetingSheet(rows), 'meetings.csv');
export const achievementFile = (rows: Partial<Record<AchievementColumnKey, Cell>>[]) =>
  writeCsv(achievementSheet(rows), 'achievements.csv');
