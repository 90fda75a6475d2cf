import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { Trash2 } from 'lucide-react';
import type { Source } from '@shared/schemas/records';
import { ConfirmDialog, Loading, formatBytes, plural, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

/**
 * Deletes a source for good, after saying exactly what goes with it: the files taken out of it,
 * tags, and citations (naming the events that lose one). The activity log keeps the source's title
 * and SHA-256, none of its content.
 */
export function DeleteSource({ source }: { source: Source }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="side-section" aria-label="Delete this source">
      <button
        type="button"
        className="button button--small delete-source"
        onClick={() => setOpen(true)}
      >
        <Trash2 aria-hidden="true" />
        Delete source…
      </button>
      {open ? <DeleteSourceDialog source={source} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function DeleteSourceDialog({ source, onClose }: { source: Source; onClose: () => void }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const impact = useLiveQuery(() => repos.sources.deletionImpact(source.id), [repos, source.id]);
  const confirm = async () => {
    setBusy(true);
    try {
      await repos.sources.remove(source.id);
      toast.show(`Deleted “${source.title}” from this case.`, 'success');
      onClose();
      navigate(paths.sources(record.id));
    } catch (cause) {
      toast.show(`Could not delete the source: ${errorMessage(cause)}`, 'error');
      setBusy(false);
    }
  };
  const children = impact ? impact.sources - 1 : 0;
  return (
    <ConfirmDialog
      open
      title={`Delete “${source.title}”?`}
      confirmLabel="Delete source"
      danger
      busy={busy || !impact}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {impact ? (
        <>
          <p>This removes from this case, for good:</p>
          <ul className="delete-counts">
            <li>
              the original file ({formatBytes(impact.bytes)}) and its text
              {impact.messages > 0 ? `, with ${plural(impact.messages, 'message')}` : ''}
            </li>
            {children > 0 ? (
              <li>{plural(children, 'file')} taken out of it (attachments, archive contents)</li>
            ) : null}
            {impact.mentions > 0 ? (
              <li>{plural(impact.mentions, 'tag')} (the entities stay)</li>
            ) : null}
            {impact.citations > 0 ? (
              <li>
                {plural(impact.citations, 'citation')}, from{' '}
                {impact.events
                  .slice(0, 5)
                  .map((event) => `“${event.title}”`)
                  .join(', ')}
                {impact.events.length > 5 ? ` and ${impact.events.length - 5} more events` : ''}{' '}
                (the events stay)
              </li>
            ) : null}
          </ul>
          <p className="muted small">
            The activity log keeps a line saying this source was deleted, with its title and
            SHA-256, and nothing of its content. It cannot be undone.
          </p>
        </>
      ) : (
        <Loading label="Counting what goes with it…" />
      )}
    </ConfirmDialog>
  );
}
