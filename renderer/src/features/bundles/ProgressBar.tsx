import type { BundleProgress } from './bundleClient';

/** A labelled progress bar with what is being done now. */
export function ProgressBar({ label, progress }: { label: string; progress?: BundleProgress }) {
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((100 * (progress?.done ?? 0)) / total)) : 0;
  return (
    <div className="bundle-progress">
      <progress
        className="bundle-progress__bar"
        aria-label={label}
        max={100}
        value={percent}
        aria-valuetext={`${percent}%`}
      />
      <p className="muted small" role="status">
        {progress ? `${progress.stage} · ${percent}%` : 'Starting…'}
      </p>
    </div>
  );
}
