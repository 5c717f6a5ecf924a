// 双向进入、交叉兼职 (documents 000, 004) on the org page: what each officer holds in the
// enterprise, the form fields that record it, and the org's three figures.
import { Checkbox, Descriptions, Form, Input, Space, Tag } from 'antd';
import type { OrgDetail, OrgOfficer } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

export interface OfficerPostValues {
  enterprisePost?: string | null;
  legalRepresentative?: boolean;
  unionChair?: boolean;
}

/** The fields, shared by the appointment form and the drawer that corrects them. */
export function OfficerPostFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="enterprisePost"
        label={t('org.officer.enterprisePost')}
        extra={t('org.officer.enterprisePostHint')}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="legalRepresentative" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('org.officer.legalRepresentative')}</Checkbox>
      </Form.Item>
      <Form.Item name="unionChair" valuePropName="checked">
        <Checkbox>{t('org.officer.unionChair')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** The body the API takes from the fields: an empty post is none. */
export function officerPostsBody(v: OfficerPostValues) {
  return {
    enterprisePost: v.enterprisePost?.trim() || null,
    legalRepresentative: Boolean(v.legalRepresentative),
    unionChair: Boolean(v.unionChair),
  };
}

/** An officer's enterprise posts as tags; nothing when none is held. */
export function OfficerPostTags({ officer }: { officer: OrgOfficer }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {officer.enterprisePost && <span>{officer.enterprisePost}</span>}
      {officer.legalRepresentative && <Tag color="blue">{t('org.officer.legalRepresentative')}</Tag>}
      {officer.unionChair && <Tag color="purple">{t('org.officer.unionChair')}</Tag>}
    </Space>
  );
}

/** The org's cross-holding figures today. */
export function CrossHoldingSummary({ figures }: { figures: OrgDetail['crossHolding'] }) {
  const { t } = useI18n();
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }} data-testid="cross-holding">
      <Descriptions.Item label={t('org.officer.managementPosts')}>{figures.managementPosts}</Descriptions.Item>
      <Descriptions.Item label={t('org.officer.secretaryLegalRepresentative')}>
        {yesNo(figures.secretaryLegalRepresentative)}
      </Descriptions.Item>
      <Descriptions.Item label={t('org.officer.secretaryUnionChair')}>
        {yesNo(figures.secretaryUnionChair)}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface DrawerProps {
  orgId: number;
  officer: OrgOfficer;
  postLabel: string;
  onClose: () => void;
  onDone: () => void;
}

/** Records or corrects an officer's enterprise posts. */
export function OfficerPostsDrawer({ orgId, officer, postLabel, onClose, onDone }: DrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<OfficerPostValues, unknown>
      title={t('org.officer.postsTitle', { post: postLabel, name: officer.personName })}
      onClose={onClose}
      initialValues={{
        enterprisePost: officer.enterprisePost,
        legalRepresentative: officer.legalRepresentative,
        unionChair: officer.unionChair,
      }}
      submit={(v) => api.patch(`/api/orgs/${orgId}/officers/${officer.id}`, officerPostsBody(v))}
      onDone={onDone}
    >
      <OfficerPostFields />
    </FormDrawer>
  );
}
