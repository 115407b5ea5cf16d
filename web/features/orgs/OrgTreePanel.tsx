import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../shared/labels.js';
import { ancestorIds, searchOrgs, splitMatches, type OrgIndex, type OrgSearch } from './org-tree.js';

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {splitMatches(text, query).map((part, i) =>
        part.match ? (
          <span key={i} className="uh-highlight">
            {part.text}
          </span>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function buildNodes(index: OrgIndex, id: string, language: string, query: string, search: OrgSearch | null, inactive: string): TreeDataNode {
  const org = index.byId.get(id)!;
  const children = (index.children.get(id) ?? [])
    .filter((c) => !search || search.visible.has(c.id))
    .map((c) => buildNodes(index, c.id, language, query, search, inactive));
  const name = localName(org, language);
  return {
    key: org.id,
    title: (
      <span style={{ opacity: org.active ? 1 : 0.55 }} title={`${name} · ${org.code}`}>
        <Highlighted text={name} query={query} />
        {search?.matches.has(org.id) && !name.toLowerCase().includes(query.trim().toLowerCase()) && (
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            <Highlighted text={org.code} query={query} />
          </Typography.Text>
        )}
        {!org.active && (
          <Tag style={{ marginLeft: 6 }} variant="filled">
            {inactive}
          </Tag>
        )}
      </span>
    ),
    children: children.length ? children : undefined,
  };
}

/** The org tree with a search box: matches are highlighted, the tree is narrowed to them and expanded to show them. */
export function OrgTreePanel({ index, selectedId, onSelect }: { index: OrgIndex; selectedId?: string; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<React.Key[]>(() => [index.rootId]);
  const search = useMemo(() => searchOrgs(index, query), [index, query]);

  // Searching expands to every match; clearing keeps what the user had open.
  useEffect(() => {
    if (search) setExpanded([...search.expand]);
  }, [search]);

  // Reveal the selected org (e.g. a newly created one) inside the tree.
  useEffect(() => {
    if (!selectedId || !index.byId.has(selectedId)) return;
    const path = ancestorIds(index, selectedId);
    setExpanded((keys) => [...new Set([...keys, ...path])]);
  }, [selectedId, index]);

  const treeData = useMemo(
    () => (search && search.matches.size === 0 ? [] : [buildNodes(index, index.rootId, i18n.language, query, search, t('common.inactive'))]),
    [index, i18n.language, query, search, t],
  );

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
        placeholder={t('orgs.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="org-search"
        style={{ marginBottom: 8 }}
      />
      <div style={{ minHeight: 22, marginBottom: 4 }}>
        {search && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {search.matches.size ? t('orgs.matchCount', { count: search.matches.size }) : ''}
          </Typography.Text>
        )}
      </div>
      <div data-testid="org-tree" className="uh-org-tree" style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto' }}>
        {treeData.length ? (
          <Tree
            blockNode
            showLine
            treeData={treeData}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noMatch')} />
        )}
      </div>
    </div>
  );
}
