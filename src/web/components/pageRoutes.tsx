// The route tables of the signed-in pages as data: a row says where a page opens, how its code
// is loaded (lazily, so each page is its own chunk) and the permission it asks. Every page is
// behind RequirePermission; App and pages/*/routes.tsx read these.
import { type ComponentType, lazy, type ReactElement } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../domain/roles.ts';
import { RequirePermission } from './guards.tsx';

type PageLoader = () => Promise<{ default: ComponentType }>;

/** [path below the section ('' for the section's own page), the page's module, the permission it asks]. */
export type PageRow = readonly [path: string, load: PageLoader, permission: Permission];
/** A section's row may leave out the permission: it asks the section's. */
export type SectionRow = readonly [path: string, load: PageLoader, permission?: Permission];

export function pageRoutes(rows: readonly PageRow[]): ReactElement[] {
  return rows.map(([path, load, permission]) =>
    path === '' ? (
      <Route key="" index element={guarded(load, permission)} />
    ) : (
      <Route key={path} path={path} element={guarded(load, permission)} />
    ),
  );
}

// Called once a row, when the table is built: lazy() must not run again on each render.
function guarded(load: PageLoader, permission: Permission): ReactElement {
  const Page = lazy(load);
  return <RequirePermission permission={permission} page={<Page />} />;
}

/** A section's pages below its path (/reports, /reports/annual …), most asking the one permission. */
export function sectionRoutes(section: string, permission: Permission, rows: readonly SectionRow[]): ReactElement {
  return (
    <Route key={section} path={section}>
      {pageRoutes(rows.map(([path, load, own]) => [path, load, own ?? permission]))}
    </Route>
  );
}
