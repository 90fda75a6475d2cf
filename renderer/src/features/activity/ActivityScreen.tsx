import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download, ShieldAlert, ShieldCheck } from 'lucide-react';
import { EmptyState, Loading, Notice, formatTimestamp, plural, useToast } from '../../ui';
import { getHost } from '../../platform';
import { useCase } from '../cases';

const PAGE = 300;

/** The case's append-only activity log, newest first, with the state of its hash chain. */
export function ActivityScreen() {
  const { repos, record } = useCase();
  const toast = useToast();
  const [limit, setLimit] = useState(PAGE);
  const entries = useLiveQuery(() => repos.activity.latest(limit), [repos, limit]);
  const total = useLiveQuery(() => repos.activity.count(), [repos]);
  const verification = useLiveQuery(() => repos.activity.verify(), [repos]);

  const exportLog = async () => {
    const all = await repos.store.db.activity.orderBy('seq').toArray();
    const check = await repos.activity.verify();
    const body = JSON.stringify(
      {
        case: { id: record.id, name: record.name },
        exportedAt: new Date().toISOString(),
        verification: check,
        entries: all,
      },
      null,
      2,
    );
    try {
      const result = await getHost().saveFile({
        suggestedName: `${record.name} activity log.json`,
        mediaType: 'application/json',
        data: new TextEncoder().encode(body),
      });
      if (result.saved)
        toast.show(
          `Saved the activity log${result.location ? ` to ${result.location}` : ''}.`,
          'success',
        );
    } catch (cause) {
      toast.show(`Could not save the log: ${errorMessage(cause)}`, 'error');
    }
  };

  return (
    <section className="activity" aria-label="Activity">
      <div className="panel-header">
        <h2>Activity</h2>
        {total !== undefined ? (
          <span className="badge">{plural(total, 'entry', 'entries')}</span>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="button button--small"
          onClick={exportLog}
          disabled={!total}
        >
          <Download aria-hidden="true" /> Save log
        </button>
      </div>
      <div className="activity__scroll">
        <div className="activity__chain">
          {verification === undefined ? (
            <Loading label="Checking the log…" />
          ) : verification.ok ? (
            <Notice tone="success">
              <ShieldCheck aria-hidden="true" className="visually-hidden" />
              The log is intact: {plural(verification.count, 'entry', 'entries')}, each sealed with
              the SHA-256 of the one before.
            </Notice>
          ) : (
            <Notice tone="error">
              <ShieldAlert aria-hidden="true" className="visually-hidden" />
              The log has been tampered with. {verification.reason} Entries from number{' '}
              {verification.brokenAt} on cannot be trusted.
            </Notice>
          )}
        </div>
        {entries === undefined ? (
          <Loading />
        ) : entries.length === 0 ? (
          <EmptyState title="Nothing has happened yet">
            Every change to the case will be listed here.
          </EmptyState>
        ) : (
          <ol className="list-reset activity__list">
            {entries.map((entry) => (
              <li key={entry.seq} className="activity__entry">
                <span className="activity__seq faint">#{entry.seq}</span>
                <div className="activity__main">
                  <p className="activity__summary">{entry.summary}</p>
                  <p className="activity__meta faint">
                    <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time> · {entry.actor} ·{' '}
                    <code title={`SHA-256 of this entry: ${entry.hash}`}>
                      {entry.hash.slice(0, 12)}
                    </code>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
        {total !== undefined && entries && total > entries.length ? (
          <div className="activity__more">
            <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
              Show older entries
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
