import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

/** A ledger row's actions: open the enterprise, or open it with the edit form. */
export function LedgerRowActions({ id, compact }: { id: number; compact: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const actions = [
    { key: 'view', label: t('ledger.action.view'), to: `/ledger/${id}` },
    ...(can('ledger.write') ? [{ key: 'edit', label: t('ledger.action.edit'), to: `/ledger/${id}?edit=1` }] : []),
  ];
  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((a) => ({ key: a.key, label: a.label })),
          onClick: ({ key }) => navigate(actions.find((a) => a.key === key)?.to ?? `/ledger/${id}`),
        }}
      >
        <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
      </Dropdown>
    );
  }
  return (
    <Space size="middle">
      {actions.map((a) => (
        <Button key={a.key} type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(a.to)}>
          {a.label}
        </Button>
      ))}
    </Space>
  );
}
