import { NbTablePage } from './NbTablePage.tsx';

/** 年报 table 30 (docs/annual-tables.md). */
export default function Nb30Page() {
  return <NbTablePage table="nb30" />;
}
