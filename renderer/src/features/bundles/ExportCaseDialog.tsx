import { errorMessage } from '@shared/domain/errorMessage';
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { FileArchive } from 'lucide-react';
import type { Case } from '@shared/schemas/records';
import { bundleFileName } from '@shared/domain/bundle/format';
import { CaseDb } from '../../db';
import { Dialog, Loading, Notice, formatBytes, plural } from '../../ui';
import {
  cancelBundleJob,
  exportCaseBundle,
  nextBundleJob,
  type BundleProgress,
  type ExportResult,
} from './bundleClient';
import { Fingerprint } from './Fingerprint';
import { ProgressBar } from './ProgressBar';
import './bundles.css';

/** What the case holds, to say what the bundle will carry. */
async function countForExport(caseId: string) {
  const db = new CaseDb(caseId);
  try {
    let originalBytes = 0;
    await db.originals.each((original) => {
      originalBytes += original.bytes.size;
    });
    const [sources, messages, entities, events, comments, activity] = await Promise.all([
      db.sources.count(),
      db.messages.count(),
      db.entities.count(),
      db.events.count(),
      db.comments.count(),
      db.activity.count(),
    ]);
    return { sources, messages, entities, events, comments, activity, originalBytes };
  } finally {
    db.close();
  }
}

type Stage =
  | { step: 'confirm' }
  | { step: 'working'; jobId: number; progress?: BundleProgress }
  | { step: 'finished'; result: ExportResult };

interface ExportCaseDialogProps {
  caseRecord: Case;
  /** Who is exporting (the profile name the log records). */
  actor: string;
  onClose: () => void;
}

/**
 * "Export case": says what the bundle will hold and that it holds it in clear text, writes it
 * (with progress and Cancel), then says where it went and shows its fingerprint.
 */
export function ExportCaseDialog({ caseRecord, actor, onClose }: ExportCaseDialogProps) {
  const counts = useLiveQuery(() => countForExport(caseRecord.id), [caseRecord.id]);
  const [stage, setStage] = useState<Stage>({ step: 'confirm' });
  const fileName = bundleFileName(caseRecord.name);
  const running = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (running.current !== undefined) cancelBundleJob(running.current);
    },
    [],
  );

  const start = async () => {
    const jobId = nextBundleJob();
    running.current = jobId;
    setStage({ step: 'working', jobId });
    let result: ExportResult;
    try {
      result = await exportCaseBundle(caseRecord, actor, jobId, (progress) =>
        setStage((current) =>
          current.step === 'working' && current.jobId === jobId
            ? { ...current, progress }
            : current,
        ),
      );
    } catch (cause) {
      result = { status: 'failed', reason: errorMessage(cause) };
    }
    running.current = undefined;
    if (result.status === 'not-started') setStage({ step: 'confirm' });
    else setStage({ step: 'finished', result });
  };

  const close = () => {
    if (stage.step === 'working') cancelBundleJob(stage.jobId);
    onClose();
  };

  const footer =
    stage.step === 'confirm' ? (
      <>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={!counts}>
          <FileArchive aria-hidden="true" />
          Export case
        </button>
      </>
    ) : stage.step === 'working' ? (
      <button type="button" className="button" onClick={() => cancelBundleJob(stage.jobId)}>
        Cancel export
      </button>
    ) : (
      <button type="button" className="button button--primary" onClick={onClose} autoFocus>
        Done
      </button>
    );

  return (
    <Dialog
      open
      title={`Export “${caseRecord.name}”`}
      ariaLabel="Export case"
      description="A bundle is one file holding the whole case, for an editor to open in their own Casefile, or as a copy to keep."
      onClose={close}
      onSubmit={stage.step === 'confirm' ? start : undefined}
      footer={footer}
    >
      {stage.step === 'finished' ? (
        <ExportOutcome result={stage.result} />
      ) : (
        <>
          {counts ? (
            <ul className="bundle-counts">
              <li>
                {plural(counts.sources, 'source')} with{' '}
                {counts.sources === 1 ? 'its original file' : 'their original files'} (
                {formatBytes(counts.originalBytes)})
                {counts.messages ? `, ${plural(counts.messages, 'message')}` : ''}
              </li>
              <li>
                {plural(counts.entities, 'entity', 'entities')}, {plural(counts.events, 'event')}{' '}
                and {plural(counts.comments, 'comment')}
              </li>
              <li>
                the activity log ({plural(counts.activity, 'entry', 'entries')}), sealed by its hash
                chain
              </li>
            </ul>
          ) : (
            <Loading label="Counting what the case holds…" />
          )}
          <Notice tone="warning" live={false}>
            <strong>The bundle holds every source of this case in clear text.</strong> The original
            files, their text, your tags, notes and comments, and the activity log with everyone’s
            names. Casefile does not encrypt bundles: anyone who gets the file can read all of it.
            Keep it on an encrypted disk or in an encrypted container, send it only through an
            encrypted channel, and delete copies you no longer need.
          </Notice>
          {stage.step === 'working' ? (
            <ProgressBar label="Export progress" progress={stage.progress} />
          ) : (
            <p className="muted small">
              It will be saved as <strong>{fileName}</strong>. The export is written in the case’s
              activity log.
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

function ExportOutcome({ result }: { result: ExportResult }) {
  if (result.status === 'saved') {
    return (
      <>
        <Notice tone="success">
          Saved <strong>{result.fileName}</strong> ({formatBytes(result.bytes)})
          {result.location ? (
            <>
              {' '}
              to <span className="bundle-location">{result.location}</span>
            </>
          ) : null}
          .
        </Notice>
        <Fingerprint sha256={result.manifestSha256} />
        <p className="muted small">
          Give the editor this fingerprint by another channel (a call, in person). Casefile shows it
          when the bundle is opened, so they can check it is the bundle you made. It is also in this
          case’s activity log.
        </p>
        <Notice tone="warning" live={false}>
          Remember: the file is not encrypted. Keep it somewhere only you and your editor can read.
        </Notice>
      </>
    );
  }
  if (result.status === 'cancelled') {
    return <Notice tone="info">Export cancelled. No file was kept and nothing was logged.</Notice>;
  }
  if (result.status === 'failed') {
    return <Notice tone="error">The case was not exported. {result.reason}</Notice>;
  }
  return null;
}
