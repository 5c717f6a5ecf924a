import { NbTablePage } from './NbTablePage.tsx';

/** 年报 table 27 (docs/annual-tables.md). */
export default function Nb27Page() {
  return <NbTablePage table="nb27" />;
}
