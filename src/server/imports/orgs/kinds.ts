// The two files of shared/formats/org-import.md — party organizations (党组织台账) and party
// members (党员名册) — as the import machinery sees them: who may import them, how a header
// and a row are read, and what of a row is kept in the batch's staging rows.

import type { AuditAction } from '../../../domain/auditActions.ts';
import { cellText, resolveCell } from '../../../domain/enterprise/cell.ts';
import type { RowIssue } from '../../../domain/enterprise/input.ts';
import type { ImportRowResult } from '../../../domain/enterprise/rowReader.ts';
import { normalizeName } from '../../../domain/enterprise/text.ts';
import { maskIdNumber, maskPhone } from '../../../domain/mask.ts';
import {
  mapNationalMemberHeader,
  NATIONAL_MEMBER_COLUMNS,
  nationalMemberRowCells,
} from '../../../domain/national/memberColumns.ts';
import type { ImportColumnDef, ImportHeaderMapping } from '../../../domain/org/importColumns.ts';
import {
  MEMBER_COLUMNS,
  type MemberColumnKey,
  mapMemberHeader,
  memberRowCells,
} from '../../../domain/org/memberColumns.ts';
import { type MemberInput, type MemberRowKey, parseMemberRow } from '../../../domain/org/memberRow.ts';
import { mapOrgHeader, ORG_COLUMNS, type OrgColumnKey, orgRowCells } from '../../../domain/org/orgColumns.ts';
import { type OrgInput, parseOrgRow } from '../../../domain/org/orgRow.ts';
import type { Permission } from '../../../domain/roles.ts';
import type { Keys } from '../../keys.ts';
import { codeForm } from './refs.ts';

export const IMPORT_KINDS = ['orgs', 'members', 'national_members'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindInfo {
  kind: ImportKind;
  /** What importing, previewing, confirming and discarding need. */
  permission: Permission;
  /** The audit action of an import (upload, dry run, rejection, confirmation). */
  action: AuditAction;
  discardAction: AuditAction;
  templateAction: AuditAction;
  /** Audit actions of the routes that only read a batch. */
  listAction: AuditAction;
  readAction: AuditAction;
  errorReportAction: AuditAction;
  /** The batch's source label (import_batches.source): these files have no period or source of their own. */
  source: string;
  /** What one row is, in messages. */
  noun: string;
  /** The template's file and sheet name. */
  title: string;
  columns: readonly ImportColumnDef<string>[];
  /** Columns the template formats as text, so Excel keeps their digits and leading zeros. */
  textColumns: readonly string[];
}

export const KINDS: Record<ImportKind, KindInfo> = {
  orgs: {
    kind: 'orgs',
    permission: 'org.import',
    action: 'org.import',
    discardAction: 'org.import_discard',
    templateAction: 'org.import_template',
    listAction: 'org.import_list',
    readAction: 'org.import_read',
    errorReportAction: 'org.import_error_report',
    source: '党组织台账',
    noun: '党组织',
    title: '党组织台账',
    columns: ORG_COLUMNS,
    textColumns: ['orgCode', 'regionCode', 'coveredUscc'],
  },
  members: {
    kind: 'members',
    permission: 'member.import',
    action: 'member.import',
    discardAction: 'member.import_discard',
    templateAction: 'member.import_template',
    listAction: 'member.import_list',
    readAction: 'member.import_read',
    errorReportAction: 'member.import_error_report',
    source: '党员名册',
    noun: '党员',
    title: '党员名册',
    columns: MEMBER_COLUMNS,
    textColumns: ['idNumber', 'employerUscc', 'phone'],
  },
  // The national system's roster (docs/national-files.md): our roster's checks under its headers,
  // reconciled with the members of the orgs it names (added, changed, missing).
  national_members: {
    kind: 'national_members',
    permission: 'member.import',
    action: 'member.import',
    discardAction: 'member.import_discard',
    templateAction: 'member.import_template',
    listAction: 'member.import_list',
    readAction: 'member.import_read',
    errorReportAction: 'member.import_error_report',
    source: '全国党员管理信息系统党员信息',
    noun: '党员',
    title: '全国系统党员信息',
    columns: NATIONAL_MEMBER_COLUMNS,
    textColumns: ['idNumber', 'phone', 'jobCode', 'newClass'],
  },
};

export function noDataRowsMessage(kind: ImportKind): string {
  return `文件中没有数据行：第 1 行为表头，其后至少需要一行${KINDS[kind].noun}数据`;
}

/**
 * What a staging row holds (import_rows.data): `v`, the parsed row as stored (a member's ID and
 * phone numbers as ciphertext with their keyed hash and mask, never in clear), with the row's
 * own warnings, which the checks against the database re-issue each time they run; or for a row
 * that did not parse, `raw`, the few cells other rows may refer to it by.
 */
export interface StagedData {
  v?: Record<string, unknown>;
  warnings?: RowIssue[];
  raw?: Record<string, string | null>;
  /** What the checks resolved (member rows: their org, employer and existing record). */
  r?: Record<string, number | null>;
}

export interface RowReading<K extends string> {
  mapHeader(cells: readonly unknown[], headerRow: number): ImportHeaderMapping<K>;
  parse(columns: ReadonlyMap<number, K>, cells: readonly unknown[], rowNumber: number): ImportRowResult<unknown>;
  stage(value: unknown, keys: Keys): Record<string, unknown>;
  raw(columns: ReadonlyMap<number, K>, cells: readonly unknown[]): Record<string, string | null> | null;
}

/** The text of the first cell of `key`, as written, normalised like a name. */
function rawText<K extends string>(columns: ReadonlyMap<number, K>, cells: readonly unknown[], key: K): string | null {
  for (const [i, k] of columns) {
    if (k !== key) continue;
    const cell = resolveCell(cells[i]);
    if (cell.type === 'empty' || cell.type === 'invalid') return null;
    return normalizeName(cellText(cell)) || null;
  }
  return null;
}

const orgReading: RowReading<OrgColumnKey> = {
  mapHeader: (cells, headerRow) => mapOrgHeader(cells, { headerRow }),
  parse: (columns, cells, rowNumber) => parseOrgRow(orgRowCells(columns, cells), rowNumber),
  stage: (value) => ({ ...(value as OrgInput) }),
  // A row with an error can still be named by a later row's 上级党组织 or 管理党组织.
  raw: (columns, cells) => {
    const code = rawText(columns, cells, 'orgCode');
    return {
      name: rawText(columns, cells, 'name'),
      orgCode: code === null ? null : codeForm(code),
      regionCode: rawText(columns, cells, 'regionCode'),
    };
  },
};

/** A member row as staged: the ID and phone numbers encrypted, with a keyed hash to find them and a mask to show them. */
export function stageMember(value: MemberInput, keys: Keys): Record<string, unknown> {
  const { idNumber, phone, ...rest } = value;
  return {
    ...rest,
    idNumber: keys.encrypt(idNumber),
    idHash: keys.lookupHash(idNumber),
    idMasked: maskIdNumber(idNumber),
    phone: phone === null ? null : keys.encrypt(phone),
    phoneHash: phone === null ? null : keys.lookupHash(phone),
    phoneMasked: phone === null ? null : maskPhone(phone),
  };
}

const memberReading: RowReading<MemberColumnKey> = {
  mapHeader: (cells, headerRow) => mapMemberHeader(cells, { headerRow }),
  parse: (columns, cells, rowNumber) => parseMemberRow(memberRowCells(columns, cells), rowNumber),
  stage: (value, keys) => stageMember(value as MemberInput, keys),
  raw: () => null,
};

const nationalMemberReading: RowReading<MemberRowKey> = {
  mapHeader: (cells, headerRow) => mapNationalMemberHeader(cells, { headerRow }),
  parse: (columns, cells, rowNumber) =>
    parseMemberRow(nationalMemberRowCells(columns, cells), rowNumber, {}, NATIONAL_MEMBER_COLUMNS),
  stage: (value, keys) => stageMember(value as MemberInput, keys),
  raw: () => null,
};

export const READINGS: Record<ImportKind, RowReading<string>> = {
  orgs: orgReading as RowReading<string>,
  members: memberReading as RowReading<string>,
  national_members: nationalMemberReading as RowReading<string>,
};
