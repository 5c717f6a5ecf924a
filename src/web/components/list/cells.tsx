import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A number read digit by digit (a phone, an ID number), kept on one line; `empty` where there is none. */
export function Mono({ children, empty = '—' }: { children: string | null | undefined; empty?: ReactNode }) {
  return children ? <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{children}</span> : empty;
}

/** A row's name, linking to its page, with its tags (离任, 流动) beside it. */
export function NameLink({ to, name, children }: { to: string; name: ReactNode; children?: ReactNode }) {
  return (
    <Flex wrap gap={4} align="center">
      <Link to={to} style={{ whiteSpace: 'nowrap' }}>
        {name}
      </Link>
      {children}
    </Flex>
  );
}
