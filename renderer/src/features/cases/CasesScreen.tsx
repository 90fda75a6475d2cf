import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { Briefcase, FileArchive, FolderPlus, Pencil, Trash2 } from 'lucide-react';
import type { Case } from '@shared/schemas/records';
import { CaseDb, CaseStore } from '../../db';
import {
  ConfirmDialog,
  Dialog,
  EmptyState,
  Field,
  Loading,
  formatTimestamp,
  plural,
  useToast,
} from '../../ui';
import { paths } from '../../navigation/paths';
import { ExportCaseDialog, OpenBundleButton, useUnfinishedBundleCleanup } from '../bundles';
import { getCatalog } from './catalog';
import { useProfile } from './ProfileProvider';
import './cases.css';

/** The start screen: every case on this computer, and the way to make a new one. */
export function CasesScreen() {
  const cases = useLiveQuery(() => getCatalog().listCases(), []);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Case>();
  const [deleting, setDeleting] = useState<Case>();
  const [exporting, setExporting] = useState<Case>();
  const profile = useProfile();
  useUnfinishedBundleCleanup();

  return (
    <main className="cases-screen">
      <div className="cases-screen__header">
        <div>
          <h1>Cases</h1>
          <p className="muted small">
            One case per investigation. Each is kept in its own database on this computer.
          </p>
        </div>
        <div className="row">
          <OpenBundleButton actor={profile.name} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            <FolderPlus aria-hidden="true" />
            New case
          </button>
        </div>
      </div>

      <section aria-label="Cases" className="cases-list">
        {cases === undefined ? (
          <Loading label="Loading cases…" />
        ) : cases.length === 0 ? (
          <EmptyState
            icon={<Briefcase aria-hidden="true" />}
            title="No cases yet"
            actions={
              <button
                type="button"
                className="button button--primary"
                onClick={() => setCreating(true)}
              >
                <FolderPlus aria-hidden="true" />
                New case
              </button>
            }
          >
            Start a case for an investigation, then import the material for it: documents, chat
            exports, emails and screenshots.
          </EmptyState>
        ) : (
          <ul className="list-reset cases-list__items">
            {cases.map((item) => (
              <li key={item.id} className="case-card">
                <Link href={paths.caseHome(item.id)} className="case-card__open">
                  <span className="case-card__name">{item.name}</span>
                  {item.description ? (
                    <span className="case-card__description">{item.description}</span>
                  ) : null}
                  <span className="case-card__meta">
                    Changed {formatTimestamp(item.updatedAt)} · created by {item.createdBy}
                  </span>
                  {item.fromBundle ? (
                    <span className="case-card__meta">
                      From a bundle exported by {item.fromBundle.exportedBy} on{' '}
                      {formatTimestamp(item.fromBundle.exportedAt)}, opened by{' '}
                      {item.fromBundle.openedBy}
                    </span>
                  ) : null}
                </Link>
                <div className="case-card__actions">
                  <button
                    type="button"
                    className="button button--ghost button--icon"
                    aria-label={`Rename ${item.name}`}
                    title="Rename"
                    onClick={() => setRenaming(item)}
                  >
                    <Pencil aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--icon"
                    aria-label={`Export ${item.name}`}
                    title="Export as a bundle"
                    onClick={() => setExporting(item)}
                  >
                    <FileArchive aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--icon"
                    aria-label={`Delete ${item.name}`}
                    title="Delete"
                    onClick={() => setDeleting(item)}
                  >
                    <Trash2 aria-hidden="true" />
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CaseFormDialog open={creating} onClose={() => setCreating(false)} />
      {renaming ? (
        <CaseFormDialog open existing={renaming} onClose={() => setRenaming(undefined)} />
      ) : null}
      {deleting ? (
        <DeleteCaseDialog target={deleting} onClose={() => setDeleting(undefined)} />
      ) : null}
      {exporting ? (
        <ExportCaseDialog
          caseRecord={exporting}
          actor={profile.name}
          onClose={() => setExporting(undefined)}
        />
      ) : null}
    </main>
  );
}

interface CaseFormDialogProps {
  open: boolean;
  existing?: Case;
  onClose: () => void;
}

/** Creates a case, or renames one and changes its description. */
export function CaseFormDialog({ open, existing, onClose }: CaseFormDialogProps) {
  const profile = useProfile();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setName(existing?.name ?? '');
    setDescription(existing?.description ?? '');
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!name.trim()) {
      setError('A case needs a name.');
      return;
    }
    setBusy(true);
    try {
      const catalog = getCatalog();
      if (existing) {
        const db = new CaseDb(existing.id);
        try {
          await catalog.updateCase(
            existing.id,
            { name, description },
            new CaseStore(db, () => profile.name),
          );
        } finally {
          db.close();
        }
        toast.show(`Saved case “${name.trim()}”.`, 'success');
        close();
      } else {
        const dbs: CaseDb[] = [];
        try {
          const record = await catalog.createCase({ name, description }, profile.name, (id) => {
            const db = new CaseDb(id);
            dbs.push(db);
            return new CaseStore(db, () => profile.name);
          });
          close();
          navigate(paths.caseHome(record.id));
        } finally {
          for (const db of dbs) db.close();
        }
      }
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={existing ? `Rename case` : 'New case'}
      description={
        existing
          ? undefined
          : 'A case holds the sources, entities and timeline of one investigation.'
      }
      onClose={close}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {existing ? 'Save' : 'Create case'}
          </button>
        </>
      }
    >
      <Field label="Name" error={error}>
        <input
          className="input"
          value={name}
          maxLength={200}
          autoFocus
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Field
        label="Description"
        hint="Optional. What the investigation is about, for you and your editors."
      >
        <textarea
          className="textarea"
          value={description}
          maxLength={5000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
    </Dialog>
  );
}

/** Counts what a case holds, so the delete confirmation can say what will be lost. */
async function countCase(caseId: string) {
  const db = new CaseDb(caseId);
  try {
    const [sources, entities, events, mentions, activity] = await Promise.all([
      db.sources.count(),
      db.entities.count(),
      db.events.count(),
      db.mentions.count(),
      db.activity.count(),
    ]);
    return { sources, entities, events, mentions, activity };
  } finally {
    db.close();
  }
}

function DeleteCaseDialog({ target, onClose }: { target: Case; onClose: () => void }) {
  const toast = useToast();
  const counts = useLiveQuery(() => countCase(target.id), [target.id]);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await getCatalog().deleteCase(target.id);
      toast.show(`Deleted case “${target.name}” and all of its data.`, 'success');
      onClose();
    } catch (cause) {
      toast.show(`Could not delete the case: ${errorMessage(cause)}`, 'error');
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={`Delete “${target.name}”?`}
      confirmLabel="Delete case"
      danger
      busy={busy || !counts}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        This removes the case from this computer for good: its sources with their original files,
        every tag, entity and timeline event, and its activity log.
      </p>
      {counts ? (
        <ul className="delete-counts">
          <li>{plural(counts.sources, 'source')} with their originals</li>
          <li>
            {plural(counts.entities, 'entity', 'entities')} and {plural(counts.mentions, 'tag')}
          </li>
          <li>{plural(counts.events, 'timeline event')}</li>
          <li>{plural(counts.activity, 'activity log entry', 'activity log entries')}</li>
        </ul>
      ) : (
        <Loading label="Counting what the case holds…" />
      )}
      <p className="muted small">It cannot be undone.</p>
    </ConfirmDialog>
  );
}
