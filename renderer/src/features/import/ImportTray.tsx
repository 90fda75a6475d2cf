import { Link } from 'wouter';
import { AlertTriangle, CheckCircle2, CircleDashed, Copy, Loader2, X, XCircle } from 'lucide-react';
import { formatBytes, plural } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { useImport, type ImportItem } from './ImportProvider';
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
  const current = batch.items.find((item) => item.state === 'working');
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
            {batch.finished ? summary : current ? current.name : ''}
          </span>
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
        {batch.items.map((item) => (
          <ImportRow key={item.key} item={item} caseId={record.id} />
        ))}
      </ul>
    </section>
  );
}

function ImportRow({ item, caseId }: { item: ImportItem; caseId: string }) {
  const result = item.result;
  let icon = <CircleDashed aria-hidden="true" className="faint" />;
  let detail: React.ReactNode = <span className="faint">Waiting</span>;
  if (item.state === 'working') {
    icon = <Loader2 aria-hidden="true" className="import-spin" />;
    detail = <span className="muted">Importing…</span>;
  } else if (item.state === 'cancelled') {
    detail = <span className="faint">Not imported: the import was cancelled</span>;
  } else if (result?.status === 'imported') {
    icon = <CheckCircle2 aria-hidden="true" className="import-ok" />;
    detail = (
      <>
        <Link href={paths.source(caseId, result.sourceId)}>Imported</Link>
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
