import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type Query, queryString } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * 导出 for a list: the server's export of the same list with the filters on screen (an .xlsx
 * the browser downloads; the server audits it). Paging is left out: the file holds every row.
 */
export function ExportButton({ list, filter }: { list: string; filter: Query }) {
  const { t } = useI18n();
  const { page: _page, pageSize: _pageSize, ...rest } = filter;
  return (
    <Button
      icon={<DownloadOutlined />}
      href={`/api/exports/${list}${queryString(rest)}`}
      download
      className="dj-no-print"
    >
      {t('common.export')}
    </Button>
  );
}
