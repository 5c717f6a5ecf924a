import { Form, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { FORMATIONS, type OrgType } from '../../../domain/org/codes.ts';
import { formalOrgName, isSuggestedName } from '../../../domain/org/naming.ts';
import type { ApiResponse, Enterprise } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { toDay } from './dates.ts';
import { EnterprisePicker } from './EnterprisePicker.tsx';
import { normalProfile, OrgProfileFields, type ProfileValues, useCodeOptions } from './OrgProfileFields.tsx';

type Formation = 'standalone' | 'joint';

type FormValues = ProfileValues & {
  formation: Formation;
  enterpriseIds?: number | number[];
  regionCode?: string;
  establishedOn?: Dayjs | null;
};

const FORMATION_CODES = FORMATIONS.map((f) => f.code);

/** 新建党组织: standalone over one enterprise, or joint over several; the ledger's categories follow. */
export function OrgCreateDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const options = useCodeOptions();
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const formation = Form.useWatch('formation', form) ?? 'standalone';
  const joint = formation === 'joint';
  const type = Form.useWatch('type', form) as OrgType | undefined;
  // The enterprise whose formal name the name field was given, while the user has not changed it.
  const [namedAfter, setNamedAfter] = useState<string | null>(null);
  useEffect(() => {
    const name: string | undefined = form.getFieldValue('name');
    if (!namedAfter || !type || !name || !isSuggestedName(name, namedAfter)) return;
    form.setFieldValue('name', formalOrgName(namedAfter, type));
  }, [type, namedAfter, form]);

  const submit = (v: FormValues) => {
    const ids = Array.isArray(v.enterpriseIds) ? v.enterpriseIds : v.enterpriseIds ? [v.enterpriseIds] : [];
    return api.post<ApiResponse<'/api/orgs', 'post'>>('/api/orgs', {
      ...normalProfile(v),
      jointBasis: v.formation === 'joint' ? (v.jointBasis ?? null) : null,
      formation: v.formation,
      regionCode: v.regionCode,
      establishedOn: toDay(v.establishedOn),
      enterpriseIds: ids,
    });
  };

  // A switch of formation carries the enterprises over and moves the type between 党支部 and 联合党支部.
  const onFormationChange = (next: Formation) => {
    const { enterpriseIds, type } = form.getFieldsValue();
    const ids = Array.isArray(enterpriseIds) ? enterpriseIds : enterpriseIds ? [enterpriseIds] : [];
    form.setFieldsValue({
      enterpriseIds: next === 'joint' ? ids : ids[0],
      type:
        next === 'joint' && type === 'branch'
          ? 'joint_branch'
          : next === 'standalone' && type === 'joint_branch'
            ? 'branch'
            : type,
    });
    form.setFields([{ name: 'enterpriseIds', errors: [] }]);
  };

  // The first enterprise picked suggests the org's region, and for a standalone org its name;
  // the enterprises' members are the org's reported counts until the user types their own.
  const onEnterprisesPicked = (picked: Enterprise[]) => {
    for (const [field, count] of [
      ['reportedFullCount', (e: Enterprise) => e.fullMemberCount],
      ['reportedProbationaryCount', (e: Enterprise) => Math.max(0, e.memberCount - e.fullMemberCount)],
    ] as const) {
      if (!form.isFieldTouched(field)) {
        form.setFieldValue(field, picked.length ? picked.reduce((n, e) => n + count(e), 0) : null);
      }
    }
    const first = picked[0];
    if (!first) return;
    const { regionCode, name } = form.getFieldsValue();
    if (!regionCode) form.setFieldValue('regionCode', first.regionCode);
    if (!joint && (!name || (namedAfter && isSuggestedName(String(name), namedAfter)))) {
      form.setFieldValue(
        'name',
        formalOrgName(first.name, (form.getFieldValue('type') as OrgType | undefined) ?? 'branch'),
      );
      setNamedAfter(first.name);
    }
  };

  return (
    <FormDrawer
      title={t('org.create')}
      width={600}
      onClose={onClose}
      form={form}
      initialValues={{ formation: 'standalone', type: 'branch' }}
      submit={submit}
      saved={t('org.created')}
      refresh={['orgs', 'ledger', 'dashboard']}
      onDone={({ id }) => navigate(`/orgs/${id}`)}
    >
      <Form.Item name="formation" label={t('org.field.formation')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={options('formation', FORMATION_CODES)}
          onChange={(e) => onFormationChange(e.target.value as Formation)}
        />
      </Form.Item>
      {/* Form.Item stores the picker's value, then calls the picker's own onChange too. */}
      <Form.Item
        name="enterpriseIds"
        label={t('org.field.enterpriseIds')}
        // Marked required, checked by the server: its message names the formation's rule.
        required
        extra={t(joint ? 'org.form.jointHint' : 'org.form.standaloneHint')}
      >
        <EnterprisePicker multiple={joint} onChange={(_, picked) => onEnterprisesPicked(picked)} />
      </Form.Item>
      <OrgProfileFields joint={joint} />
      <Form.Item name="regionCode" label={t('org.field.regionCode')} rules={[{ required: true }]}>
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <PastDayItem name="establishedOn" label={t('org.field.establishedOn')} />
    </FormDrawer>
  );
}
