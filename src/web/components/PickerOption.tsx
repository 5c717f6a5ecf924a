import type { ReactNode } from 'react';

/** A picker's row: the name, then in grey what tells it apart (an org's type, an instructor's department). */
export function PickerOption({ label, detail }: { label: ReactNode; detail: ReactNode }) {
  return (
    <span>
      {label} <span style={{ color: 'rgba(0,0,0,0.45)' }}>{detail}</span>
    </span>
  );
}
