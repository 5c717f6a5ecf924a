import type { ComponentType } from 'react';
import { useParams } from 'react-router';

/**
 * A detail page for the record its route names (`/members/:id`), mounted afresh for each id, so
 * nothing of one record (numbers revealed, a half-filled form) shows on the next.
 */
export function routeIdPage(View: ComponentType<{ id: number }>) {
  return function RouteIdPage() {
    const { id } = useParams();
    return <View key={id} id={Number(id)} />;
  };
}
