import { Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { kindFieldLabel, kindFieldValue } from '../imports/kindColumns.ts';
import { useLedgerLabels } from '../ledger/labels.ts';
import { useRegionNames } from '../orgs/useRegionNames.ts';
import { actionLabel } from './actions.ts';

/** Each object type's own field names (`<prefix>.<key>`), tried before the audit's common ones. */
const FIELD_PREFIXES: Record<string, string> = {
  enterprise: 'enterprise.field',
  party_org: 'org.field',
  member: 'member.field',
  development: 'development.field',
  instructor: 'instructors.field',
  pool_secretary: 'pool.field',
  honour: 'honours.field',
  demonstration_site: 'sites.field',
  member_transfer: 'transfer.field',
  department: 'departments.field',
  user: 'users.col',
  settings: 'security',
};
const ANY_PREFIXES = [...new Set(Object.values(FIELD_PREFIXES))];
const IMPORT_KINDS: Record<string, 'orgs' | 'members'> = { party_org: 'orgs', member: 'members' };
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Row {
  key: string;
  field: string;
  before?: string;
  after: string;
  change: boolean;
}

const REGION_KEYS = new Set(['regionCode', 'region', 'inheritedRegion']);

/** The region codes a row's details hold, to be shown by name. */
function regionCodes(diff: unknown, key = ''): string[] {
  if (typeof diff === 'string') return REGION_KEYS.has(key) && /^\d{6}$/.test(diff) ? [diff] : [];
  if (Array.isArray(diff)) return diff.flatMap((d) => regionCodes(d, key));
  if (typeof diff === 'object' && diff !== null) {
    return Object.entries(diff).flatMap(([k, v]) => regionCodes(v, k === 'before' || k === 'after' ? key : k));
  }
  return [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isChange = (v: unknown): v is { before: unknown; after: unknown } =>
  isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k === 'before' || k === 'after');

/**
 * An audit row's details as a table the reader can follow: each field by its name in the
 * user's language, a change as before and after, coded values by their labels, times in
 * local time. Nested records (a filter, a deleted row) become rows of their own.
 */
export function AuditDetails({ diff, entity }: { diff: unknown; entity: string | null }) {
  const { t, has, lang } = useI18n();
  const ledger = useLedgerLabels();
  const kind = entity ? IMPORT_KINDS[entity] : undefined;
  const isPhone = useIsPhone();
  const regionName = useRegionNames(regionCodes(diff));

  const fieldLabel = (key: string): string => {
    const own = entity && FIELD_PREFIXES[entity] ? `${FIELD_PREFIXES[entity]}.${key}` : null;
    if (own && has(own)) return t(own);
    const common = `audit.field.${key}`;
    if (has(common)) return t(common);
    if (kind && kindFieldLabel(kind, key) !== key) return kindFieldLabel(kind, key);
    const other = ANY_PREFIXES.map((p) => `${p}.${key}`).find(has);
    return other ? t(other as MessageKey) : key;
  };

  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('common.empty');
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (Array.isArray(v)) return v.length ? v.map((x) => value(key, x)).join('、') : t('common.empty');
    if (isObject(v)) {
      return Object.entries(v)
        .map(([k, x]) => `${fieldLabel(k)}：${value(k, x)}`)
        .join('；');
    }
    if (typeof v === 'string' && TIMESTAMP.test(v)) return dayjs(v).format('YYYY-MM-DD HH:mm:ss');
    if (typeof v === 'string') {
      // Codes the audit itself writes: a role, a result, an action (in an export's filter), a factor.
      const coded = { roles: `role.${v}`, result: `audit.result.${v}`, factor: `audit.value.${v}` }[key];
      if (coded && has(coded)) return t(coded);
      if (key === 'action') return actionLabel(v, lang);
      if (REGION_KEYS.has(key) && /^\d{6}$/.test(v)) return regionName(v);
    }
    if (kind) return kindFieldValue(kind, key, v) ?? t('common.empty');
    return ledger.value(key, v);
  };

  const rows: Row[] = [];
  const add = (prefix: string, obj: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(obj)) {
      const field = prefix ? `${prefix} · ${fieldLabel(k)}` : fieldLabel(k);
      if (isChange(v))
        rows.push({ key: `${prefix}${k}`, field, before: value(k, v.before), after: value(k, v.after), change: true });
      else if (isObject(v) && Object.keys(v).length > 0) add(field, v);
      else rows.push({ key: `${prefix}${k}`, field, after: value(k, v), change: false });
    }
  };
  if (isObject(diff)) {
    // Settings record the whole before and after: one row per setting that differs.
    if (isObject(diff.before) && isObject(diff.after)) {
      const { before, after, ...rest } = diff;
      add('', rest);
      for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
        rows.push({
          key: k,
          field: fieldLabel(k),
          before: value(k, before[k]),
          after: value(k, after[k]),
          change: true,
        });
      }
    } else if (isObject(diff.after) && diff.before === undefined) {
      // A creation records what was made: its values, under the row's other details.
      const { after, ...rest } = diff;
      add('', { ...rest, ...after });
    } else add('', diff);
  } else if (diff !== null && diff !== undefined) {
    rows.push({ key: 'value', field: t('audit.diff.value'), after: value('', diff), change: false });
  }
  if (rows.length === 0) return null;

  const changes = rows.some((r) => r.change);
  // On a phone a change is one cell, before struck through and after it, so nothing hides off-screen.
  const columns: TableColumnsType<Row> =
    isPhone && changes
      ? [
          { title: t('audit.diff.field'), dataIndex: 'field', width: '35%' },
          {
            title: t('audit.diff.after'),
            key: 'change',
            render: (_, r) =>
              r.before === undefined ? (
                r.after
              ) : (
                <>
                  <Typography.Text delete>{r.before}</Typography.Text> → {r.after}
                </>
              ),
          },
        ]
      : [
          { title: t('audit.diff.field'), dataIndex: 'field', width: '30%' },
          ...(changes
            ? [
                {
                  title: t('audit.diff.before'),
                  dataIndex: 'before',
                  render: (v?: string) => (v === undefined ? '' : <Typography.Text delete>{v}</Typography.Text>),
                },
              ]
            : []),
          { title: t(changes ? 'audit.diff.after' : 'audit.diff.value'), dataIndex: 'after' },
        ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="audit-details"
      columns={columns}
    />
  );
}
