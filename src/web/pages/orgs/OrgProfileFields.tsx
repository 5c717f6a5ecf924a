import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { JOINT_BASES, MANAGEMENT_MODES, ORG_TYPES, SECRETARY_SOURCES } from '../../../domain/org/codes.ts';
import type { OrgRef } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { OrgPicker } from './OrgPicker.tsx';

/** The profile fields of an org, as PATCH /api/orgs/{id} takes them (and POST /api/orgs with more). */
export const PROFILE_FIELDS = [
  'name',
  'orgCode',
  'type',
  'jointBasis',
  'parentId',
  'managingOrgId',
  'management',
  'approvedBy',
  'secretarySource',
  'reportedFullCount',
  'reportedProbationaryCount',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Partial<Record<ProfileField, string | number | null>>;

export const ORG_TYPE_CODES = ORG_TYPES.map((c) => c.code);
export const JOINT_BASIS_CODES = JOINT_BASES.map((c) => c.code);
const MANAGEMENT_CODES = MANAGEMENT_MODES.map((c) => c.code);
const SECRETARY_SOURCE_CODES = SECRETARY_SOURCES.map((c) => c.code);

export function useCodeOptions() {
  const { t } = useI18n();
  return (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
}

interface Props {
  joint: boolean;
  /** Editing an existing org: it may not be its own parent; its parent and managing org keep their names. */
  self?: number;
  parent?: OrgRef | null;
  managingOrg?: OrgRef | null;
}

/** The name, type, tree and reported counts of an org: the fields the create and edit forms share. */
export function OrgProfileFields({ joint, self, parent, managingOrg }: Props) {
  const { t } = useI18n();
  const options = useCodeOptions();
  const number = { min: 0, precision: 0, style: { width: '100%' } };
  return (
    <>
      <Form.Item name="name" label={t('org.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Halves>
        <Form.Item name="type" label={t('org.field.type')} rules={[{ required: true }]}>
          <Select options={options('orgType', ORG_TYPE_CODES)} />
        </Form.Item>
        <Form.Item name="orgCode" label={t('org.field.orgCode')}>
          <Input maxLength={50} />
        </Form.Item>
      </Halves>
      {joint && (
        <Form.Item name="jointBasis" label={t('org.field.jointBasis')} rules={[{ required: true }]}>
          <Select options={options('jointBasis', JOINT_BASIS_CODES)} />
        </Form.Item>
      )}
      <Form.Item name="parentId" label={t('org.field.parentId')}>
        <OrgPicker initial={parent} exclude={self} />
      </Form.Item>
      <Halves>
        <Form.Item name="managingOrgId" label={t('org.field.managingOrgId')}>
          <OrgPicker initial={managingOrg} exclude={self} />
        </Form.Item>
        <Form.Item name="management" label={t('org.field.management')}>
          <Select allowClear options={options('management', MANAGEMENT_CODES)} />
        </Form.Item>
      </Halves>
      <Halves>
        <Form.Item name="approvedBy" label={t('org.field.approvedBy')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="secretarySource" label={t('org.field.secretarySource')}>
          <Select allowClear options={options('secretarySource', SECRETARY_SOURCE_CODES)} />
        </Form.Item>
      </Halves>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="reportedFullCount" label={t('org.field.reportedFullCount')} tooltip={t('org.reportedHint')}>
            <InputNumber {...number} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="reportedProbationaryCount" label={t('org.field.reportedProbationaryCount')}>
            <InputNumber {...number} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** '' and undefined mean "nothing"; text is sent trimmed. */
export function normalProfile(values: ProfileValues): Record<ProfileField, string | number | null> {
  const out = {} as Record<ProfileField, string | number | null>;
  for (const k of PROFILE_FIELDS) {
    const v = values[k];
    out[k] = v === undefined || v === null ? null : typeof v === 'string' ? v.trim() || null : v;
  }
  return out;
}

/** Two fields side by side on a wide screen, one above the other on a phone. */
function Halves({ children }: { children: [ReactNode, ReactNode] }) {
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        {children[0]}
      </Col>
      <Col xs={24} sm={12}>
        {children[1]}
      </Col>
    </Row>
  );
}
