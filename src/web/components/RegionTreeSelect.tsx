import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Region, RegionWithPath } from '../api/types.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useUser } from '../session.ts';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

interface Props {
  /** The top of the tree: the signed-in user's own region. */
  root: { code: string; name: string };
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  /** A filter's picker: may be emptied, and says what empty means. */
  allowClear?: boolean;
  placeholder?: string;
}

/** Picks an administrative division, loading each level's children when it is opened. */
export function RegionTreeSelect({ root, value, onChange, id, allowClear, placeholder }: Props) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [nodes, setNodes] = useState<Node[]>([
    { id: root.code, pId: null, value: root.code, title: root.name, isLeaf: false },
  ]);
  const requested = useRef(new Set<string>());

  const loadChildren = useCallback(
    async (code: string) => {
      if (requested.current.has(code)) return;
      requested.current.add(code);
      const children = await client.fetchQuery({
        queryKey: ['region-children', code],
        queryFn: () => api.get<Region[]>(`/api/regions/${code}/children`),
        staleTime: Number.POSITIVE_INFINITY,
      });
      setNodes((prev) => {
        const have = new Set(prev.map((n) => n.id));
        const marked = prev.map((n) => (n.id === code && children.length === 0 ? { ...n, isLeaf: true } : n));
        const added = children
          .filter((c) => !have.has(c.code))
          .map((c) => ({ id: c.code, pId: code, value: c.code, title: c.name, isLeaf: c.level >= 5 }));
        return [...marked, ...added];
      });
    },
    [client],
  );

  // An existing value deep in the tree: load the levels above it so its name shows.
  useEffect(() => {
    if (!value || value === root.code || requested.current.has(value)) return;
    let live = true;
    void api
      .get<RegionWithPath>(`/api/regions/${value}`)
      .then(async (r) => {
        if (live) await Promise.all(r.path.slice(0, -1).map((p) => loadChildren(p.code)));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, root.code, loadChildren]);

  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      value={value}
      onChange={onChange}
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      placeholder={placeholder ?? t('region.placeholder')}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      style={{ width: '100%' }}
    />
  );
}

/** The region picker of a signed-in page: its tree starts at the user's own region. */
export function UserRegionSelect(props: Omit<Props, 'root'>) {
  const user = useUser();
  return <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} {...props} />;
}
