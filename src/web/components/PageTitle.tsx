import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's heading, with its main actions on the right (below it on a narrow screen). */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
