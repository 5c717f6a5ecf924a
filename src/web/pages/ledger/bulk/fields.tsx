// The form of each bulk action: its fields, and the request body they make.
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '../../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../../orgs/dates.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { InstructorPicker } from './InstructorPicker.tsx';

export type BulkKind = 'assign' | 'endCoverage' | 'moveCoverage' | 'managingOrg';
export const BULK_KINDS: BulkKind[] = ['assign', 'endCoverage', 'moveCoverage', 'managingOrg'];

/** Which permission each action needs, as its routes declare it. */
export const BULK_PERMISSION: Record<BulkKind, 'instructor.manage' | 'org.manage'> = {
  assign: 'instructor.manage',
  endCoverage: 'org.manage',
  moveCoverage: 'org.manage',
  managingOrg: 'org.manage',
};

export const BULK_PATH: Record<BulkKind, string> = {
  assign: '/api/enterprises/bulk/assign',
  endCoverage: '/api/enterprises/bulk/end-coverage',
  moveCoverage: '/api/enterprises/bulk/move-coverage',
  managingOrg: '/api/enterprises/bulk/managing-org',
};

export const kindLabel = (kind: BulkKind): MessageKey => `bulk.kind.${kind}`;

type Values = { instructorId?: number; orgId?: number; managingOrgId?: number; on?: Dayjs; note?: string };

export const initialValues: Values = { on: dayjs() };

/** The body's fields besides the selection. */
export function bodyOf(kind: BulkKind, v: Values): Record<string, unknown> {
  switch (kind) {
    case 'assign':
      return { instructorId: v.instructorId, startOn: toDay(v.on), note: v.note?.trim() || null };
    case 'endCoverage':
      return { endOn: toDay(v.on) };
    case 'moveCoverage':
      return { orgId: v.orgId, on: toDay(v.on) };
    case 'managingOrg':
      return { managingOrgId: v.managingOrgId };
  }
}

const date = (label: string, disableFuture: boolean) => (
  <Form.Item name="on" label={label} rules={[{ required: true }]}>
    <DatePicker {...datePickerProps} disabledDate={disableFuture ? afterToday : undefined} />
  </Form.Item>
);

export function BulkFields({ kind, t }: { kind: BulkKind; t: Translate }): ReactNode {
  switch (kind) {
    case 'assign':
      return (
        <>
          <Form.Item name="instructorId" label={t('bulk.instructor')} rules={[{ required: true }]}>
            <InstructorPicker />
          </Form.Item>
          {date(t('bulk.startOn'), true)}
          <Form.Item name="note" label={t('bulk.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'endCoverage':
      return date(t('bulk.endOn'), false);
    case 'moveCoverage':
      return (
        <>
          <Form.Item name="orgId" label={t('bulk.toOrg')} rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          {date(t('bulk.moveOn'), true)}
        </>
      );
    case 'managingOrg':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('bulk.managingOrgHint')}</Typography.Paragraph>
          <Form.Item name="managingOrgId" label={t('bulk.managingOrg')} rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
        </>
      );
  }
}
