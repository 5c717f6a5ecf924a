import type { ComponentType } from 'react';
import { useParams } from 'react-router';

/**
 * The page of one record (`/members/:id` …), drawn anew for each id in the address: nothing typed,
 * opened or revealed on one record's page shows on the next.
 */
export function recordPage(View: ComponentType<{ id: number }>) {
  return function RecordPage() {
    const { id } = useParams();
    return <View key={id} id={Number(id)} />;
  };
}
