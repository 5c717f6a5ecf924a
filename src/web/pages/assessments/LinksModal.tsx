import { CopyOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';

/** A link just issued: whom it is for, as the issuer will hand it out, and its path. */
export interface IssuedLink {
  label: string;
  path: string;
}

const absolute = (path: string) => `${window.location.origin}${path}`;

/** A spreadsheet-safe CSV cell: quoted, and never starting like a formula. */
const csvCell = (s: string) => `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;

/**
 * The links just issued, shown this once (the server keeps only their hashes): to copy, to
 * download as a list for sending, or to print and hand out.
 */
export function LinksModal({ title, links, onClose }: { title: string; links: IssuedLink[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = links.map((l) => `${l.label}\t${absolute(l.path)}`).join('\n');
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    void message.success(t('links.copied'));
  };
  const download = () => {
    const csv = `\uFEFF${[[t('links.for'), t('links.url')], ...links.map((l) => [l.label, absolute(l.path)])]
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n')}`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `${title}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  // A plain page with only the list, for printing and cutting into slips (the app's own page would print its menu).
  const print = () => {
    const w = window.open('', '_blank');
    if (!w) return;
    const doc = w.document;
    doc.title = title;
    const h = doc.createElement('h3');
    h.textContent = title;
    const table = doc.createElement('table');
    table.style.cssText = 'border-collapse:collapse;width:100%;font-size:14px';
    for (const l of links) {
      const tr = table.insertRow();
      for (const text of [l.label, absolute(l.path)]) {
        const td = tr.insertCell();
        td.textContent = text;
        td.style.cssText = 'border:1px solid #999;padding:8px;word-break:break-all';
      }
    }
    doc.body.append(h, table);
    w.print();
  };
  return (
    <Modal
      open
      title={t('links.title')}
      width={760}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('links.close')}
        </Button>
      }
    >
      <Typography.Paragraph strong>{title}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('links.warning')} style={{ marginBottom: 12 }} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('links.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('links.csv')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={print}>
          {t('links.print')}
        </Button>
      </Flex>
      <Table<IssuedLink>
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={links}
        columns={[
          { title: t('links.for'), dataIndex: 'label', width: 180 },
          {
            title: t('links.url'),
            dataIndex: 'path',
            render: (p: string) => (
              <Typography.Text
                copyable={{ text: absolute(p) }}
                style={{ wordBreak: 'break-all' }}
                data-testid="issued-link"
              >
                {absolute(p)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
