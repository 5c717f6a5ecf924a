// The member roster in the national system's layout (domain/national/memberColumns.ts, the same
// columns its import reads), for a region in the actor's scope: the members whose relation is
// held by an org of that region. ID and phone numbers are masked unless the actor holds the
// reveal permission — the national system needs full numbers, so only such a user can produce
// a file it accepts — and the export is audited, saying whether numbers left in full, in the
// transaction that reads the rows.

import { and, asc, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { labelOf, YES_NO } from '../../domain/enterprise/codes.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { nationalEducationLabel } from '../../domain/national/codes-education.ts';
import { isMigrantWorkerJob, JOB_CODES } from '../../domain/national/codes-job.ts';
import { NEW_CLASS_CODES } from '../../domain/national/codes-new-class.ts';
import { nationalLabel } from '../../domain/national/labels.ts';
import { NATIONAL_MEMBER_COLUMNS } from '../../domain/national/memberColumns.ts';
import { type Education, MEMBER_STATUSES, type MemberStatus, SEXES } from '../../domain/org/codes.ts';
import type { MemberRowKey } from '../../domain/org/memberRow.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { members, partyOrgs } from '../db/schema.ts';
import { auditExport } from '../exports/listExport.ts';
import { safeRow } from '../files/write.ts';
import type { Keys } from '../keys.ts';
import { orgInScope } from '../orgs/scope.ts';
import { regionInScope, withinRegionFilter } from '../regions/scope.ts';

export const NATIONAL_MEMBERS_TITLE = '全国系统党员信息';

type Cells = Partial<Record<MemberRowKey, string | null>>;

/** The rows of the file, in column order of NATIONAL_MEMBER_COLUMNS, and whether numbers are in full. */
export async function nationalMemberRows(tx: Tx, actor: Actor, keys: Keys, region: string) {
  await regionInScope(tx, actor, region);
  const reveal = actor.permissions.has('member.reveal');
  const rows = await tx
    .select({
      name: members.name,
      sex: members.sex,
      idNumber: members.idNumber,
      ethnicity: members.ethnicity,
      birthDate: members.birthDate,
      education: members.education,
      status: members.status,
      org: partyOrgs.name,
      phone: members.phone,
      joinedOn: members.joinedOn,
      fullOn: members.fullOn,
      newClass: members.newClassCode,
      jobCode: members.jobCode,
      migrantWorker: members.migrantWorker,
      awaySince: members.awaySince,
      joinType: members.joinType,
    })
    .from(members)
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .where(and(isNull(members.leftOn), orgInScope(actor), withinRegionFilter(partyOrgs.regionCode, region)))
    .orderBy(asc(partyOrgs.name), asc(members.joinedOn), asc(members.id));
  const cells = rows.map((m): Cells => {
    const id = keys.decrypt(m.idNumber);
    const phone = m.phone === null ? null : keys.decrypt(m.phone);
    return {
      name: m.name,
      sex: labelOf(SEXES, m.sex as 'male' | 'female'),
      idNumber: reveal ? id : maskIdNumber(id),
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      education: m.education === null ? null : nationalEducationLabel(m.education as Education),
      status: labelOf(MEMBER_STATUSES, m.status as MemberStatus),
      org: m.org,
      phone: phone === null ? null : reveal ? phone : maskPhone(phone),
      joinedOn: m.joinedOn,
      fullOn: m.fullOn,
      newClass: nationalLabel(NEW_CLASS_CODES, m.newClass),
      jobCode: nationalLabel(JOB_CODES, m.jobCode),
      // As recorded; when never recorded, as the 工作岗位 says (0164 / 0253 are 农民工).
      migrantWorker: labelOf(YES_NO, m.migrantWorker ?? isMigrantWorkerJob(m.jobCode)),
      // Lost contact is recorded in its own area (issue #17 item 4), not merged here yet: left blank, never a guessed 否.
      lostContact: null,
      mobile: labelOf(YES_NO, m.awaySince !== null),
      joinType: m.joinType,
    };
  });
  return { cells, reveal };
}

/** The .xlsx of the rows: one sheet, the national headers in row 1, every cell text (IDs keep their digits). */
export async function nationalMemberWorkbook(cells: Cells[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(NATIONAL_MEMBERS_TITLE, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = NATIONAL_MEMBER_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'idNumber' ? 22 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const c of cells) sheet.addRow(safeRow(NATIONAL_MEMBER_COLUMNS.map((col) => c[col.key] ?? null)));
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Reads, audits and writes the national member file in the caller's transaction. */
export async function exportNationalMembers(tx: Tx, actor: Actor, keys: Keys, region: string) {
  const { cells, reveal } = await nationalMemberRows(tx, actor, keys, region);
  await auditExport(tx, actor, {
    action: 'member.national_export',
    entity: 'member',
    filter: { region },
    detail: { rows: cells.length, ...(reveal ? { revealed: ['idNumber', 'phone'] } : {}) },
  });
  return { buffer: await nationalMemberWorkbook(cells), rows: cells.length, reveal };
}
