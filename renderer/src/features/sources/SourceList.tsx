import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import { FileText, Globe, Inbox, MessageSquare, Image, Mail, FileType, Search } from 'lucide-react';
import type { Source, SourceKind } from '@shared/schemas/records';
import { EmptyState, Loading, formatBytes, formatTimestamp, plural } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { ImportButtons, ImportTray } from '../import';

const KIND_ICONS: Record<SourceKind, typeof FileText> = {
  text: FileText,
  markdown: FileText,
  html: Globe,
  image: Image,
  chat: MessageSquare,
  email: Mail,
  pdf: FileType,
  docx: FileType,
  file: FileText,
};

/** Labels for source kinds, as the list shows them. */
export const KIND_LABELS: Record<SourceKind, string> = {
  text: 'Text',
  markdown: 'Markdown',
  html: 'Web page',
  image: 'Image',
  chat: 'Chat',
  email: 'Email',
  pdf: 'PDF',
  docx: 'Word document',
  file: 'File',
};

const ROW_HEIGHT = 60;

/** The sources of the open case, with the import actions above and the import tray below. */
export function SourceList({ selectedId }: { selectedId?: string | undefined }) {
  const { repos, record } = useCase();
  const sources = useLiveQuery(() => repos.sources.list(), [repos]);
  const [filter, setFilter] = useState('');
  // Files taken out of another source (attachments, archive entries) are listed under it, in its
  // reader, not here: a chat with hundreds of photos would bury everything else. A search finds them.
  const childCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const source of sources ?? []) {
      if (source.parentId) counts.set(source.parentId, (counts.get(source.parentId) ?? 0) + 1);
    }
    return counts;
  }, [sources]);
  const visible = useMemo(() => {
    if (!sources) return [];
    const needle = filter.trim().toLowerCase();
    if (!needle) return sources.filter((source) => !source.parentId);
    return sources.filter(
      (source) =>
        source.title.toLowerCase().includes(needle) ||
        (source.fileName ?? '').toLowerCase().includes(needle),
    );
  }, [sources, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <section className="source-list" aria-label="Sources">
      <div className="panel-header">
        <h2>Sources</h2>
        {sources ? <span className="badge">{sources.length.toLocaleString('en-GB')}</span> : null}
      </div>
      <div className="source-list__actions">
        <ImportButtons />
      </div>
      {sources && sources.length > 0 ? (
        <div className="source-list__filter">
          <Search aria-hidden="true" />
          <input
            className="input"
            type="search"
            placeholder="Filter by title"
            aria-label="Filter sources"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      ) : null}
      <div className="source-list__scroll" ref={scrollRef}>
        {sources === undefined ? (
          <Loading label="Loading sources…" />
        ) : sources.length === 0 ? (
          <EmptyState icon={<Inbox aria-hidden="true" />} title="No sources yet" headingLevel={3}>
            Import text, Markdown or HTML files, drop them onto this window, or paste text. Each
            source is kept exactly as it arrived, with its SHA-256.
          </EmptyState>
        ) : visible.length === 0 ? (
          <p className="source-list__none muted small">No source title contains “{filter}”.</p>
        ) : (
          <ul
            className="list-reset source-list__items"
            aria-label={`Sources in ${record.name}`}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const source = visible[item.index] as Source;
              return (
                <li
                  key={source.id}
                  className="source-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <SourceRow
                    source={source}
                    selected={source.id === selectedId}
                    caseId={record.id}
                    inside={childCounts.get(source.id) ?? 0}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {visible.length > 0 && filter ? (
        <p className="source-list__count faint small">{plural(visible.length, 'source')} shown</p>
      ) : null}
      <ImportTray />
    </section>
  );
}

function SourceRow({
  source,
  selected,
  caseId,
  inside,
}: {
  source: Source;
  selected: boolean;
  caseId: string;
  inside: number;
}) {
  const Icon = KIND_ICONS[source.kind] ?? FileText;
  return (
    <Link
      href={paths.source(caseId, source.id)}
      className="source-row__link"
      aria-current={selected ? 'page' : undefined}
    >
      <Icon aria-hidden="true" className="source-row__icon" />
      <span className="source-row__text">
        <span className="source-row__title">{source.title}</span>
        <span className="source-row__meta">
          {KIND_LABELS[source.kind]} · {formatBytes(source.size)} ·{' '}
          {source.parentId ? 'inside another source' : formatTimestamp(source.importedAt)}
          {inside ? ` · ${plural(inside, 'file')} inside` : ''}
        </span>
      </span>
    </Link>
  );
}
