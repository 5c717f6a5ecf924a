// One data row of a meeting or achievement import file → its value, or every reason it is not
// one, read cell by cell with the reader the other files use (enterprise/rowReader.ts). Whether
// the org, the roster, the enterprise and the members exist is the server's check; so are the
// rules the write paths enforce (quorum, dates against the org, what each kind carries).
import {
  ACHIEVEMENT_FORMS,
  ACHIEVEMENT_KINDS,
  type AchievementForm,
  type AchievementKind,
  moneyError,
} from '../achievements/codes.ts';
import { cellText } from '../enterprise/cell.ts';
import { choiceParser, textParser } from '../enterprise/cellParsers.ts';
import { YES_NO } from '../enterprise/codes.ts';
import { parseCount } from '../enterprise/count.ts';
import type { CellParser, ImportRowResult } from '../enterprise/rowReader.ts';
import { rowReader } from '../enterprise/rowReader.ts';
import { normalizeName } from '../enterprise/text.ts';
import { anyDateParser, pastDateParser } from '../org/importRow.ts';
import {
  ACHIEVEMENT_COLUMNS,
  type AchievementColumnKey,
  MEETING_COLUMNS,
  type MeetingColumnKey,
  splitNames,
} from './importColumns.ts';
import type { AbsenceReason, MeetingKind } from './meetings.ts';
import { MEETING_KINDS } from './meetings.ts';

const trimmed = (max: number) => textParser((s) => s.trim(), max);
const name = (max: number) => textParser(normalizeName, max);

const names: CellParser<string[]> = (cell) => ({ ok: true, value: [...new Set(splitNames(cellText(cell)))] });

export interface Absence {
  name: string;
  reason: AbsenceReason;
  note: string | null;
}

/** “张三：请假；李四：其他，出差” → each absence; a wrong entry names itself. */
const absencesParser: CellParser<Absence[]> = (cell, header) => {
  const out: Absence[] = [];
  for (const entry of cellText(cell)
    .split(/[；;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^：:]+)[：:]\s*(请假|其他)(?:（事先批准）)?\s*(?:[，,：:]\s*(.*))?$/.exec(entry);
    if (!m) {
      return {
        ok: false,
        message: `${header}“${entry}”格式不对：每人写“姓名：请假”或“姓名：其他，说明”，多人用分号分隔`,
      };
    }
    const note = m[3]?.trim() || null;
    if (note !== null && note.length > 100) return { ok: false, message: `${header}“${m[1]}”的说明不超过 100 个字` };
    out.push({ name: normalizeName(m[1]), reason: m[2] === '请假' ? 'leave' : 'other', note });
  }
  return { ok: true, value: out };
};

/** A 万元 amount as the write path stores it: a number, not negative, at most two decimals. */
const moneyParser: CellParser<number> = (cell, header) => {
  const text = cellText(cell).replace(/,/g, '');
  const value = cell.type === 'number' ? cell.value : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  const wrong = moneyError(header, value);
  return wrong ? { ok: false, message: `${wrong}（当前为“${cellText(cell)}”）` } : { ok: true, value };
};

export interface MeetingRowValue {
  org: string;
  kind: MeetingKind;
  group: string | null;
  heldOn: string;
  topic: string;
  host: string | null;
  place: string | null;
  expected: number | null;
  presentCount: number | null;
  attendees: string[];
  absences: Absence[];
  election: boolean;
  resolutions: string | null;
  notes: string | null;
}

export function parseMeetingRow(
  cells: ReadonlyMap<MeetingColumnKey, unknown>,
  rowNumber: number,
  today: Date,
): ImportRowResult<MeetingRowValue> {
  const r = rowReader(MEETING_COLUMNS, cells, rowNumber, { today });
  const c = r.readAll({
    org: name(100),
    kind: choiceParser(MEETING_KINDS),
    group: name(30),
    heldOn: pastDateParser(today),
    topic: trimmed(100),
    host: trimmed(30),
    place: trimmed(60),
    expected: parseCount,
    presentCount: parseCount,
    attendees: names,
    absences: absencesParser,
    election: choiceParser(YES_NO),
    resolutions: trimmed(2000),
    notes: trimmed(2000),
  });
  if (c.attendees !== undefined && c.attendees !== null && c.attendees.length === 0) {
    r.error('attendees', '请填写到会人员的姓名（必填项）');
  }
  if (c.kind === 'group_meeting' && c.group === null) r.error('group', '党小组会须填写党小组');
  if (c.kind && c.kind !== 'group_meeting' && c.group) r.error('group', '只有党小组会填写党小组');
  // Required cells are never null once the row has no error.
  return r.finishAll(
    c,
    (v) =>
      ({
        ...v,
        attendees: v.attendees ?? [],
        absences: v.absences ?? [],
        election: v.election ?? false,
      }) as MeetingRowValue,
  );
}

export interface AchievementRowValue {
  org: string;
  enterprise: string;
  kind: AchievementKind;
  form: AchievementForm | null;
  onDate: string;
  content: string;
  members: string[];
  personName: string | null;
  adopted: boolean | null;
  fulfilled: boolean | null;
  benefit: number | null;
  amount: number | null;
  fromOn: string | null;
  toOn: string | null;
  note: string | null;
}

export function parseAchievementRow(
  cells: ReadonlyMap<AchievementColumnKey, unknown>,
  rowNumber: number,
  today: Date,
): ImportRowResult<AchievementRowValue> {
  const r = rowReader(ACHIEVEMENT_COLUMNS, cells, rowNumber, { today });
  const c = r.readAll({
    org: name(100),
    enterprise: name(100),
    kind: choiceParser(ACHIEVEMENT_KINDS),
    form: choiceParser(ACHIEVEMENT_FORMS),
    onDate: pastDateParser(today),
    content: trimmed(500),
    members: names,
    personName: name(30),
    adopted: choiceParser(YES_NO),
    fulfilled: choiceParser(YES_NO),
    benefit: moneyParser,
    amount: moneyParser,
    fromOn: anyDateParser,
    toOn: anyDateParser,
    note: trimmed(200),
  });
  return r.finishAll(c, (v) => ({ ...v, members: v.members ?? [] }) as AchievementRowValue);
}
