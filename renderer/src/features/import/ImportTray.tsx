import { Link } from 'wouter';
import { AlertTriangle, CheckCircle2, CircleDashed, Copy, Loader2, X, XCircle } from 'lucide-react';
import { formatBytes, plural } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { useImport, type ImportBatch, type ImportItem } from './ImportProvider';
import './import.css';

/**
 * The progress of the current import and what became of each file: imported, already in the case
 * (with a link to it), or failed with the reason.
 */
export function ImportTray() {
  const { batch, cancel, dismiss } = useImport();
  const { record } = useCase();
  if (!batch) return null;
  const done = batch.items.filter((item) => item.state === 'done').length;
  const total = batch.items.length;
  const counts = {
    imported: batch.items.filter((i) => i.result?.status === 'imported').length,
    duplicate: batch.items.filter((i) => i.result?.status === 'duplicate').length,
    failed: batch.items.filter((i) => i.result?.status === 'failed').length,
    cancelled: batch.items.filter((i) => i.state === 'cancelled').length,
  };
  const working = batch.items.filter((item) => item.state === 'working');
  const eta = estimateLeft(batch);
  const summary = [
    counts.imported ? `${counts.imported} imported` : '',
    counts.duplicate ? `${counts.duplicate} already in this case` : '',
    counts.failed ? `${counts.failed} failed` : '',
    counts.cancelled ? `${counts.cancelled} not imported (cancelled)` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="import-tray" aria-label="Import">
      <div className="import-tray__head">
        <div className="import-tray__title">
          <strong>
            {batch.finished
              ? batch.cancelled
                ? 'Import cancelled'
                : 'Import finished'
              : `Importing ${done + 1 > total ? total : done + 1} of ${plural(total, 'file')}`}
          </strong>
          <span className="muted small" role="status">
            {batch.finished
              ? summary
              : working.map((item) => `${item.name}${item.stage ? ` — ${item.stage}` : ''}`).join(' · ')}
          </span>
          {!batch.finished ? (
            <span className="faint small">
              {[
                counts.imported ? `${counts.imported} imported` : '',
                counts.duplicate ? `${counts.duplicate} already in the case` : '',
                counts.failed ? `${counts.failed} failed` : '',
                eta,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          ) : null}
        </div>
        {batch.finished ? (
          <button
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label="Close import results"
            onClick={dismiss}
          >
            <X aria-hidden="true" />
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={cancel}>
            Cancel import
          </button>
        )}
      </div>
      <progress
        className="import-tray__progress"
        aria-label="Import progress"
        max={total}
        value={done}
        aria-valuetext={`${done} of ${total} files`}
      />
      <ul className="list-reset import-tray__items">
        {shownItems(batch.items).map((item) => (
          <ImportRow key={item.key} item={item} caseId={record.id} />
        ))}
      </ul>
      {batch.items.length > MAX_ROWS ? (
        <p className="faint small">
          Showing the files being imported, every failure and the latest results (
          {batch.items.length.toLocaleString('en-GB')} files in all).
        </p>
      ) : null}
    </section>
  );
}

/** Rows drawn at most; a batch of thousands keeps its failures and what is happening now. */
const MAX_ROWS = 150;

function shownItems(items: ImportItem[]): ImportItem[] {
  if (items.length <= MAX_ROWS) return items;
  const keep = new Set<ImportItem>();
  for (const item of items) if (item.result?.status === 'failed') keep.add(item);
  for (const item of items) if (item.state === 'working') keep.add(item);
  const done = items.filter((item) => item.state === 'done' && !keep.has(item));
  for (const item of done.slice(-Math.max(10, MAX_ROWS - keep.size))) keep.add(item);
  return items.filter((item) => keep.has(item));
}

/** "about 2 min left", from the bytes done so far; nothing until there is something to go on. */
function estimateLeft(batch: ImportBatch): string {
  if (batch.finished || batch.bytesDone === 0 || batch.bytesTotal === 0) return '';
  const elapsed = performance.now() - batch.startedAt;
  if (elapsed < 1500) return '';
  const left = (elapsed * (batch.bytesTotal - batch.bytesDone)) / batch.bytesDone / 1000;
  if (left < 5) return 'a few seconds left';
  if (left < 90) return `about ${Math.round(left / 5) * 5} s left`;
  return `about ${Math.round(left / 60)} min left`;
}

function ImportRow({ item, caseId }: { item: ImportItem; caseId: string }) {
  const result = item.result;
  let icon = <CircleDashed aria-hidden="true" className="faint" />;
  let detail: React.ReactNode = <span className="faint">Waiting</span>;
  if (item.state === 'working') {
    icon = <Loader2 aria-hidden="true" className="import-spin" />;
    detail = <span className="muted">{item.stage ? `${item.stage}…` : 'Importing…'}</span>;
  } else if (item.state === 'cancelled') {
    detail = <span className="faint">Not imported: the import was cancelled</span>;
  } else if (result?.status === 'imported') {
    icon = <CheckCircle2 aria-hidden="true" className="import-ok" />;
    detail = (
      <>
        <Link href={paths.source(caseId, result.sourceId)}>Imported</Link>
        {result.notes.length ? <span className="muted"> · {result.notes.join(' · ')}</span> : null}
        {result.warnings[0] ? (
          <span className="import-warning">
            <AlertTriangle aria-hidden="true" /> {result.warnings[0]}
          </span>
        ) : null}
      </>
    );
  } else if (result?.status === 'duplicate') {
    icon = <Copy aria-hidden="true" className="import-dup" />;
    detail = (
      <span>
        Already in this case as{' '}
        <Link href={paths.source(caseId, result.sourceId)}>“{result.title}”</Link>; not imported
        again.
      </span>
    );
  } else if (result?.status === 'failed') {
    icon = <XCircle aria-hidden="true" className="import-fail" />;
    detail = <span className="import-fail">{result.reason}</span>;
  }
  return (
    <li className="import-row">
      {icon}
      <div className="import-row__body">
        <div className="import-row__name">
          {item.name} <span className="faint">· {formatBytes(item.size)}</span>
        </div>
        <div className="import-row__detail small">{detail}</div>
      </div>
    </li>
  );
}
