import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's heading, with its main actions on the right (below it on a narrow screen); `sub`
 * names, in grey after a dot, what the page is narrowed to (one org's roster).
 */
export function PageTitle({ children, sub, extra }: { children: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {children}
        {sub && (
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
            {' '}
            · {sub}
          </Typography.Text>
        )}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
