import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { ShieldAlert } from 'lucide-react';
import type { Source } from '@shared/schemas/records';
import type { IdentifyingItem } from '@shared/domain/import/identifyingMetadata';
import { formatBytes } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(6);
  return String(value);
}

/** A table of name/value pairs, folded away when long. */
function FieldTable({ title, fields }: { title: string; fields: Record<string, unknown> }) {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
  if (entries.length === 0) return null;
  return (
    <details className="metadata-table" open={entries.length <= 8}>
      <summary>
        {title} <span className="faint small">({entries.length})</span>
      </summary>
      <dl className="details">
        {entries.map(([key, value]) => (
          <div key={key} className="details__row">
            <dt>{key}</dt>
            <dd>{shown(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * What the file itself says: image size and OCR figures, EXIF/XMP tags, document properties, the
 * files taken out of it, and, first of all, anything in its metadata that could identify a person.
 */
export function SourceMetadata({ source }: { source: Source }) {
  const { repos, record } = useCase();
  const children = useLiveQuery(() => repos.sources.children(source.id), [repos, source.id]);
  const parent = useLiveQuery(
    async () => (source.parentId ? ((await repos.sources.get(source.parentId)) ?? null) : null),
    [repos, source.parentId],
  );
  const metadata = source.metadata ?? {};
  const identifying = (metadata.identifying as IdentifyingItem[] | undefined) ?? [];
  const image = asRecord(metadata.image);
  const ocr = asRecord(metadata.ocr);
  const exif = asRecord(metadata.exif);
  const pdf = asRecord(metadata.pdf);
  const docx = asRecord(metadata.docx);
  const archive = asRecord(metadata.archive);
  const hasAnything =
    identifying.length > 0 ||
    image ||
    ocr ||
    (exif && Object.keys(exif).length) ||
    pdf ||
    docx ||
    archive ||
    (children && children.length > 0) ||
    parent;
  if (!hasAnything) return null;
  return (
    <section className="side-section" aria-label="File metadata">
      <h2 className="side-section__title">In the file</h2>
      {identifying.length > 0 ? (
        <div className="identifying" role="note" aria-label="Identifying metadata">
          <ShieldAlert aria-hidden="true" />
          <div>
            <strong>This file carries identifying metadata</strong>
            <ul className="list-reset small">
              {identifying.map((item) => (
                <li key={`${item.field}:${item.value}`}>
                  {item.label}: <code>{item.value}</code>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {parent ? (
        <p className="small">
          Taken from <Link href={paths.source(record.id, parent.id)}>“{parent.title}”</Link>
          {typeof metadata.pathInParent === 'string' ? (
            <span className="faint"> ({metadata.pathInParent})</span>
          ) : null}
        </p>
      ) : null}
      {image ? (
        <p className="small">
          {String(image.format ?? '').toUpperCase()} · {shown(image.width)} × {shown(image.height)}{' '}
          pixels
          {ocr ? (
            <>
              <br />
              <span className="faint">
                Text recognised on this machine by {shown(ocr.engine)} in{' '}
                {Number(ocr.seconds).toFixed(1)} s, mean confidence {shown(ocr.confidence)}%
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {typeof metadata.pageCount === 'number' ? (
        <p className="small">{metadata.pageCount.toLocaleString('en-GB')} pages</p>
      ) : null}
      {exif ? <FieldTable title="EXIF and XMP" fields={exif} /> : null}
      {pdf ? <FieldTable title="PDF properties" fields={pdf} /> : null}
      {docx ? <FieldTable title="Document properties" fields={docx} /> : null}
      {children && children.length > 0 ? (
        <details className="metadata-table" open={children.length <= 12}>
          <summary>
            Files inside <span className="faint small">({children.length})</span>
          </summary>
          <ul className="list-reset side-list">
            {children.map((child) => (
              <li key={child.id} className="small">
                <Link href={paths.source(record.id, child.id)}>{child.title}</Link>{' '}
                <span className="faint">· {formatBytes(child.size)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
