import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form } from 'antd';
import { api } from '../../api.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { resetSession } from '../../session.ts';

const WHOLE_COUNTRY = { code: '000000', name: '全国' };

interface Chosen {
  regionCode: string;
  regionName: string;
}

/**
 * The system administrator's first login ends here while the deployment serves no region yet
 * (no DANGJIAN_REGION or `serve --region` at its start): without it the administrators, and
 * every account they make, would start in 全国 with no data of their own.
 */
export default function ChooseRegionPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ regionCode: string }>();
  const choose = useMutation({
    mutationFn: (regionCode: string) => api.put<Chosen>('/api/setup/region', { regionCode }),
    onSuccess: async (chosen) => {
      message.success(t('setupRegion.done', { name: chosen.regionName }));
      // The user's region changed with it: every answer fetched so far was for the old one.
      await resetSession(client);
    },
  });
  return (
    <AuthCard title={t('setupRegion.title')} halfway>
      <Alert type="info" showIcon title={t('setupRegion.hint')} style={{ marginBottom: 16 }} />
      {choose.isError && <Alert type="error" showIcon title={errorText(choose.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => choose.mutate(v.regionCode)}>
        <Form.Item
          name="regionCode"
          label={t('setupRegion.label')}
          rules={[{ required: true, message: t('setupRegion.required') }]}
        >
          <RegionTreeSelect root={WHOLE_COUNTRY} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={choose.isPending}>
          {t('setupRegion.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
