import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { Contact } from '../../api/types.ts';
import { request } from '../../api.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { ContactEditModal } from './ContactEditModal.tsx';

/** An assignment's contacts, newest first; each can be corrected, and one that raised no request removed. */
export function ContactList({
  items,
  loading,
  onChanged,
}: {
  items: Contact[] | undefined;
  loading: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Contact | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/casework/contacts/${id}`),
    onSuccess: () => {
      void message.success(t('contact.deleted'));
      onChanged();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const heading = (c: Contact) => `${c.onDate} · ${t(`contact.kind.${c.kind}`)} · ${c.withWhom}`;
  return (
    <>
      <List<Contact>
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('contact.empty')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="contact-item">
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong>{heading(c)}</Typography.Text>
                {can('instructor.record') && (
                  <Flex gap={8} style={{ flex: 'none' }}>
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-label={t('contact.editOf', { what: heading(c) })}
                      onClick={() => setEditing(c)}
                    >
                      {t('contact.editShort')}
                    </Button>
                    {c.requestIds.length === 0 && (
                      <Popconfirm title={t('contact.deleteConfirm')} onConfirm={() => remove.mutate(c.id)}>
                        <Button
                          type="link"
                          size="small"
                          danger
                          style={{ padding: 0 }}
                          aria-label={t('contact.deleteOf', { what: heading(c) })}
                        >
                          {t('contact.delete')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Flex>
                )}
              </Flex>
              {c.notes && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Typography.Text>}
              {c.requestIds.length > 0 && (
                <Typography.Text type="secondary">{t('contact.raised', { n: c.requestIds.length })}</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {editing && <ContactEditModal contact={editing} onClose={() => setEditing(null)} onDone={onChanged} />}
    </>
  );
}
