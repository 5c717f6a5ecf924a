// No internal name on screen: every audit action the server can write, every area the audit
// filter groups them by, every type of object a row names and every field of an enterprise's
// history has a label in zh-CN and in en-US.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../scripts/gen-api-types.ts';
import { AUDIT_ACTIONS, AUDIT_AREAS, AUDIT_ENTITIES, type AuditAction } from '../../domain/auditActions.ts';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_AREA_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
} from '../../domain/auditLabels.ts';
import { HISTORY_FIELDS } from '../../domain/enterprise/historyFields.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CJK = /[\u4e00-\u9fff]/;

/** The labels missing or unfit in a [zh-CN, en-US] table: named, so the failure says what to add. */
function badLabels(keys: readonly string[], labels: Record<string, readonly [string, string] | undefined>) {
  const bad: string[] = [];
  for (const k of keys) {
    const [zh, en] = labels[k] ?? ['', ''];
    if (!CJK.test(zh)) bad.push(`${k} zh-CN「${zh}」`);
    // English may quote a Chinese term (三同步), but is not the Chinese label or the code.
    if (!/[A-Za-z]/.test(en) || en === zh || en === k) bad.push(`${k} en-US「${en}」`);
  }
  return bad;
}

describe('audit labels', () => {
  it('every action kind has a zh-CN and an en-US label', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(badLabels(AUDIT_ACTIONS, AUDIT_ACTION_LABELS)).toEqual([]);
  });

  it('every area of the action filter and every object type has both labels', () => {
    expect(badLabels(AUDIT_AREAS, AUDIT_AREA_LABELS)).toEqual([]);
    expect(new Set(AUDIT_ENTITIES).size).toBe(AUDIT_ENTITIES.length);
    expect(badLabels(AUDIT_ENTITIES, AUDIT_ENTITY_LABELS)).toEqual([]);
  });

  it('declares every action a route is audited under (the API document’s x-audit-action)', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { 'x-audit-action'?: string }>>;
    };
    const routeActions = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op['x-audit-action'] ? [op['x-audit-action']] : [])),
    );
    expect(routeActions.length).toBeGreaterThan(100);
    const known = new Set<string>(AUDIT_ACTIONS);
    expect(routeActions.filter((a) => !known.has(a))).toEqual([]);
  });

  it('shows a code from an older version by its area, never bare', () => {
    expect(auditActionLabel('org.create', 'zh-CN')).toBe('建立党组织');
    expect(auditActionLabel('org.create', 'en-US')).toBe('Set up a party organization');
    expect(auditActionLabel('org.retired_kind', 'zh-CN')).toBe('党组织（org.retired_kind）');
    const quarterly: AuditAction = 'report.quarterly_export';
    expect(auditActionLabel(quarterly, 'zh-CN')).toBe('导出新建党组织季报');
  });
});

describe('enterprise history labels', () => {
  it('every field the history can name has a zh-CN and an en-US label', () => {
    const key = (f: string) => (f === 'created' ? 'history.created' : `enterprise.field.${f}`);
    const zh = zhCN as Record<string, string>;
    const en = enUS as Record<string, string>;
    const missing = HISTORY_FIELDS.filter((f) => !CJK.test(zh[key(f)] ?? '') || !/[A-Za-z]/.test(en[key(f)] ?? ''));
    expect(missing).toEqual([]);
  });

  it('every field a writer of enterprise_history names in SQL is one of them', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) sources.push(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(path.join(root, 'src/server'));
    // The statement from `insert into enterprise_history` to the end of its template literal.
    const statements = sources.flatMap((s) =>
      [...s.matchAll(/insert into enterprise_history[\s\S]*?`/g)].map((m) => m[0]),
    );
    expect(statements.length).toBeGreaterThanOrEqual(4);
    // A field named by a literal is followed by its before value: 'created', to_jsonb(…); a
    // derived column's field is named where refreshDerivedColumn is called: field: 'orgCoverage'.
    const named = [
      ...statements.flatMap((s) => [...s.matchAll(/'([a-zA-Z]+)',\s*(?:to_jsonb|null)/g)].map((m) => m[1])),
      ...sources
        .filter((s) => s.includes('refreshDerivedColumn(tx'))
        .flatMap((s) => [...s.matchAll(/field: '([a-zA-Z]+)'/g)].map((m) => m[1])),
    ];
    expect(named).toEqual(expect.arrayContaining(['created', 'orgCoverage', 'hasInstructor', 'memberCount']));
    const known = new Set<string>(HISTORY_FIELDS);
    expect(named.filter((f) => !known.has(f))).toEqual([]);
  });
});
