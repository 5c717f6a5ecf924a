// The files the import page takes — enterprises (the source data), party organizations, party
// members, past meetings and achievements — and where each one's template, upload, batch API and batch page are.
// Every kind's API has one shape (src/server/imports/routes.ts): /api/imports/{kind} takes the
// upload, /api/imports/{kind}/template and /api/imports/{kind}/batches/{id}/… the rest.

import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const IMPORT_KINDS = ['enterprises', 'orgs', 'members', 'meetings', 'achievements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What a batch's state says and offers, in the words of its kind. */
export interface KindTexts {
  staged: MessageKey;
  stagedHint: MessageKey;
  apply: MessageKey;
  /** With {added} and {changed}. */
  applyConfirm: MessageKey;
  /** With {added}, {changed} and {unchanged}. */
  applied: MessageKey;
  /** With {count}. */
  rejected: MessageKey;
  failed: MessageKey;
  dryRun: MessageKey;
  discarded: MessageKey;
  /** The button that opens what was imported, after confirmation. */
  view: MessageKey;
}

export interface KindDef {
  kind: ImportKind;
  permission: Permission;
  /** The kind as the import page offers it: 企业（源头数据）, 党组织, 党员. */
  label: MessageKey;
  /** The kind in a batch list or a batch's particulars. */
  short: MessageKey;
  hint: MessageKey;
  template: string;
  upload: string;
  /** The API of the kind's batches. */
  list: string;
  /** The API of one batch. */
  api: (id: number | string) => string;
  /** The web page of one batch. */
  page: (id: number | string) => string;
  /** Where `texts.view` leads. */
  viewPath: string;
  texts: KindTexts;
  /** Period and source labels: only the enterprise file has them. */
  labelled: boolean;
  /** The file is written whole or not at all: no partial import is offered (meetings, achievements). */
  allOrNothing: boolean;
}

/** The API of a kind: the same shape for every kind. */
function apiOf(kind: ImportKind) {
  const base = `/api/imports/${kind}`;
  return {
    template: `${base}/template`,
    upload: base,
    list: `${base}/batches`,
    api: (id: number | string) => `${base}/batches/${id}`,
  };
}

/** Every file but the enterprise one: the same page, texts of their own (`batch.{kind}.…`), no period or source labels. */
function recordKind(
  kind: Exclude<ImportKind, 'enterprises'>,
  permission: Permission,
  viewPath = `/${kind}`,
  allOrNothing = false,
): KindDef {
  return {
    kind,
    permission,
    label: `import.kind.${kind}`,
    short: `import.kindShort.${kind}`,
    hint: `import.hint.${kind}`,
    ...apiOf(kind),
    page: (id) => `/ledger/import/${kind}/${id}`,
    viewPath,
    texts: {
      staged: `batch.${kind}.staged`,
      stagedHint: 'batch.kind.stagedHint',
      apply: `batch.${kind}.apply`,
      applyConfirm: `batch.${kind}.applyConfirm`,
      applied: `batch.${kind}.applied`,
      rejected: `batch.${kind}.rejected`,
      failed: `batch.${kind}.failed`,
      dryRun: `batch.${kind}.dryRun`,
      discarded: `batch.${kind}.discarded`,
      view: `batch.${kind}.view`,
    },
    labelled: false,
    allOrNothing,
  };
}

export const KIND_DEFS: Record<ImportKind, KindDef> = {
  enterprises: {
    kind: 'enterprises',
    permission: 'ledger.import',
    label: 'import.kind.enterprises',
    short: 'import.kindShort.enterprises',
    hint: 'import.hint',
    ...apiOf('enterprises'),
    page: (id) => `/ledger/import/${id}`,
    viewPath: '/ledger',
    texts: {
      staged: 'batch.staged',
      stagedHint: 'batch.stagedHint',
      apply: 'batch.apply',
      applyConfirm: 'batch.applyConfirm',
      applied: 'batch.applied',
      rejected: 'batch.rejected',
      failed: 'batch.failed',
      dryRun: 'batch.dryRun',
      discarded: 'batch.discarded',
      view: 'batch.viewLedger',
    },
    labelled: true,
    allOrNothing: false,
  },
  orgs: recordKind('orgs', 'org.import'),
  members: recordKind('members', 'member.import'),
  // Past meetings and achievements: shown on each org's page (its calendar and achievements).
  meetings: recordKind('meetings', 'orglife.write', '/orgs', true),
  achievements: recordKind('achievements', 'orglife.write', '/orgs', true),
};

export const isImportKind = (value: string | null | undefined): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value ?? '');

/** The import page of a kind (`/ledger/import?kind=orgs`); the enterprise file's has no parameter. */
export const importHref = (kind: ImportKind) =>
  kind === 'enterprises' ? '/ledger/import' : `/ledger/import?kind=${kind}`;

/** The batch list of a kind. */
export const batchesHref = (kind: ImportKind) =>
  kind === 'enterprises' ? '/ledger/batches' : `/ledger/batches?kind=${kind}`;

/**
 * The kinds whose batches the user may see: the enterprise batches with ledger.read, the org
 * and member batches with their import permission (as the API's batch routes require).
 */
export function visibleKinds(can: (p: Permission) => boolean): ImportKind[] {
  return IMPORT_KINDS.filter((k) => can(k === 'enterprises' ? 'ledger.read' : KIND_DEFS[k].permission));
}
