import { SendOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { letterValidUntil } from '../../../domain/org/transfer.ts';
import type { ApiResponse, MemberDetail, MemberTransfer } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DetailCard } from '../../components/CardTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { useCodeLabels } from './labels.ts';
import { ReceiveModal } from './ReceiveModal.tsx';
import { TransferStatusTag } from './TransferStatusTag.tsx';
import { useLetterColumns } from './useLetterColumns.tsx';

interface LetterValues {
  counterpart?: string;
  letterNo?: string;
  issuedOn?: Dayjs | null;
}

/** 组织关系转接: the member's letters in and out; a letter out (valid 3 months) and its return receipt. */
export function TransfersCard({ detail, onChanged }: { detail: MemberDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const labels = useCodeLabels();
  const letterColumns = useLetterColumns<MemberTransfer>();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [receiving, setReceiving] = useState<MemberTransfer | null>(null);
  const m = detail.member;
  const write = can('member.write') && detail.writable;
  const open = detail.transfers.some((x) => x.direction === 'out' && x.status === 'pending');

  const receiveButton = (x: MemberTransfer) =>
    write &&
    x.status !== 'received' && (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setReceiving(x)}>
        {t('transfer.receive')}
      </Button>
    );
  const columns: TableColumnsType<MemberTransfer> = isPhone
    ? [
        {
          title: t('transfer.col.letter'),
          key: 'letter',
          render: (_, x) => (
            <Flex vertical gap={2}>
              <span>
                {labels.label('transfer.direction', x.direction)} · {x.counterpart}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('transfer.validity', { issuedOn: x.issuedOn, validUntil: x.validUntil })}
                {x.receivedOn && ` · ${t('transfer.receivedOn', { date: x.receivedOn })}`}
              </Typography.Text>
              <Flex gap={8} align="center" wrap>
                <TransferStatusTag transfer={x} />
                {receiveButton(x)}
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        ...letterColumns,
        ...(write
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, x: MemberTransfer) => receiveButton(x),
              },
            ]
          : []),
      ];

  return (
    <DetailCard
      title={t('transfer.title')}
      testId="transfers-card"
      add={
        write &&
        !m.leftOn &&
        !open && { label: t('transfer.issue'), icon: <SendOutlined />, onClick: () => setIssuing(true) }
      }
    >
      <Table<MemberTransfer>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.transfers}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('transfer.empty') }}
      />
      {issuing && (
        <FormModal<LetterValues, { validUntil: string }>
          title={t('transfer.issueTitle', { name: m.name })}
          intro={<p>{t('transfer.issueHint')}</p>}
          onClose={() => setIssuing(false)}
          initialValues={{ issuedOn: dayjs() }}
          okText={t('transfer.issue')}
          submit={(v) =>
            api.post<ApiResponse<'/api/members/{id}/transfers', 'post'>>(`/api/members/${m.id}/transfers`, {
              counterpart: v.counterpart?.trim() ?? '',
              letterNo: v.letterNo?.trim() || null,
              issuedOn: toDay(v.issuedOn),
            })
          }
          onDone={(r) => {
            void message.success(t('transfer.issued', { validUntil: r.validUntil }));
            onChanged();
          }}
        >
          <Form.Item
            name="counterpart"
            label={t('transfer.field.toOrg')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="letterNo" label={t('transfer.field.letterNo')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="issuedOn"
            label={t('transfer.field.issuedOn')}
            rules={[{ required: true }]}
            extra={<ValidUntil />}
          >
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
        </FormModal>
      )}
      {receiving && (
        <ReceiveModal transfer={receiving} memberName={m.name} onClose={() => setReceiving(null)} onDone={onChanged} />
      )}
    </DetailCard>
  );
}

/** The letter's last valid day (issued + 3 months, src/domain/org/transfer.ts), as the server will set it. */
function ValidUntil() {
  const { t } = useI18n();
  const issuedOn = Form.useWatch('issuedOn') as Dayjs | null | undefined;
  if (!issuedOn) return null;
  return <>{t('transfer.validUntilHint', { date: letterValidUntil(issuedOn.format('YYYY-MM-DD')) })}</>;
}
