import { errorMessage } from '@shared/domain/errorMessage';
import { useEffect, useRef, useState } from 'react';
import { proxy } from 'comlink';
import { useLocation } from 'wouter';
import { FolderOpen, PackageOpen } from 'lucide-react';
import { BUNDLE_EXTENSION } from '@shared/domain/bundle/format';
import { Dialog, Loading, Notice, formatBytes, formatTimestamp, plural, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import {
  cancelBundleJob,
  getBundleWorker,
  nextBundleJob,
  type BundleProgress,
  type BundleSummary,
} from './bundleClient';
import { Fingerprint } from './Fingerprint';
import { ProgressBar } from './ProgressBar';
import './bundles.css';

/** "Open bundle" on the start screen: pick a .casefile, check it, open it as a new case. */
export function OpenBundleButton({ actor }: { actor: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        <FolderOpen aria-hidden="true" />
        Open bundle
      </button>
      <input
        ref={input}
        type="file"
        className="bundle-file-input"
        accept={`${BUNDLE_EXTENSION},.zip,application/zip`}
        aria-label="Bundle file"
        tabIndex={-1}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen) setFile(chosen);
        }}
      />
      {file ? (
        <OpenBundleDialog
          key={`${file.name}-${file.size}-${file.lastModified}`}
          file={file}
          actor={actor}
          onClose={() => setFile(undefined)}
        />
      ) : null}
    </>
  );
}

type Stage =
  | { step: 'reading' }
  | { step: 'refused'; reason: string }
  | { step: 'summary'; summary: BundleSummary }
  | { step: 'opening'; jobId: number; summary: BundleSummary; progress?: BundleProgress };

interface OpenBundleDialogProps {
  file: File;
  actor: string;
  onClose: () => void;
}

/**
 * Reads the bundle's manifest and shows what it holds and its fingerprint; when the reporter (or
 * editor) confirms, checks every byte of it in the worker and only then stores it as a new case,
 * and opens that case's timeline. A refused bundle is shown with the reason; nothing is kept.
 */
export function OpenBundleDialog({ file, actor, onClose }: OpenBundleDialogProps) {
  const [stage, setStage] = useState<Stage>({ step: 'reading' });
  const [, navigate] = useLocation();
  const toast = useToast();
  const running = useRef<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void getBundleWorker()
      .inspect(file)
      .then((result) => {
        if (!live) return;
        setStage(result.ok ? { step: 'summary', summary: result } : refused(result.reason));
      })
      .catch((cause: unknown) => {
        if (live) setStage(refused(errorMessage(cause)));
      });
    return () => {
      live = false;
      if (running.current !== undefined) cancelBundleJob(running.current);
    };
  }, [file]);

  const open = async (summary: BundleSummary) => {
    const jobId = nextBundleJob();
    running.current = jobId;
    setStage({ step: 'opening', jobId, summary });
    const result = await getBundleWorker()
      .openBundle(
        jobId,
        file,
        file.name,
        actor,
        proxy((progress: BundleProgress) =>
          setStage((current) =>
            current.step === 'opening' && current.jobId === jobId
              ? { ...current, progress }
              : current,
          ),
        ),
      )
      .catch((cause: unknown) => ({
        ok: false as const,
        reason: errorMessage(cause),
        cancelled: false,
      }));
    running.current = undefined;
    if (result.ok) {
      toast.show(
        `Opened “${result.name}”. Every file and record was checked, and the activity log (${plural(result.activityLength, 'entry', 'entries')}) is intact.`,
        'success',
      );
      onClose();
      navigate(paths.timeline(result.caseId));
    } else if (result.cancelled) {
      onClose();
    } else {
      setStage(refused(result.reason));
    }
  };

  const cancel = () => {
    if (stage.step === 'opening') cancelBundleJob(stage.jobId);
    onClose();
  };

  let body;
  let footer;
  if (stage.step === 'reading') {
    body = <Loading label="Reading the bundle…" />;
    footer = (
      <button type="button" className="button" onClick={cancel}>
        Cancel
      </button>
    );
  } else if (stage.step === 'refused') {
    body = (
      <Notice tone="error">
        <strong>This bundle was refused.</strong> {stage.reason} Nothing from it was added to
        Casefile.
      </Notice>
    );
    footer = (
      <button type="button" className="button button--primary" onClick={onClose} autoFocus>
        Close
      </button>
    );
  } else {
    const { summary } = stage;
    const before = summary.openedBefore[0];
    body = (
      <>
        <dl className="bundle-summary">
          <dt>Case</dt>
          <dd>{summary.caseName}</dd>
          <dt>Exported</dt>
          <dd>
            {formatTimestamp(summary.exportedAt)} by {summary.exportedBy} ({summary.madeBy})
          </dd>
          <dt>Holds</dt>
          <dd>
            {plural(summary.counts.sources ?? 0, 'source')} ({formatBytes(summary.originalBytes)} of
            originals), {plural(summary.counts.events ?? 0, 'event')},{' '}
            {plural(summary.counts.comments ?? 0, 'comment')},{' '}
            {plural(summary.counts.activity ?? 0, 'log entry', 'log entries')}
          </dd>
          <dt>File</dt>
          <dd className="bundle-location">
            {file.name} ({formatBytes(file.size)})
          </dd>
        </dl>
        <Fingerprint sha256={summary.manifestSha256} />
        <p className="muted small">
          If the reporter gave you a fingerprint, check it is this one. Casefile checks every file,
          record and the activity log before it adds anything, and opens the bundle as a new case of
          its own: nothing of yours is changed.
        </p>
        {before && stage.step === 'summary' ? (
          <Notice tone="warning">
            You opened this bundle before, as “{before.name}” on {formatTimestamp(before.openedAt)}.
            Opening it again makes a second, separate case.
          </Notice>
        ) : null}
        {stage.step === 'opening' ? (
          <ProgressBar label="Opening progress" progress={stage.progress} />
        ) : null}
      </>
    );
    footer =
      stage.step === 'opening' ? (
        <button type="button" className="button" onClick={cancel}>
          Cancel opening
        </button>
      ) : (
        <>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          {before ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                onClose();
                navigate(paths.timeline(before.id));
              }}
            >
              Go to that case
            </button>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void open(summary)}
            autoFocus
          >
            <PackageOpen aria-hidden="true" />
            {before ? 'Open another copy' : 'Open as new case'}
          </button>
        </>
      );
  }

  return (
    <Dialog
      open
      title="Open bundle"
      description="A bundle is a whole case in one file, exported from Casefile."
      onClose={cancel}
      footer={footer}
    >
      {body}
    </Dialog>
  );
}

function refused(reason: string): Stage {
  return { step: 'refused', reason };
}
