import { NbTablePage } from './NbTablePage.tsx';

/** 年报 table 43 失去联系党员情况 (docs/annual-tables.md §7). */
export default function Nb43Page() {
  return <NbTablePage table="nb43" />;
}
