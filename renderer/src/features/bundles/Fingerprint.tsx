import { fingerprint } from '@shared/domain/bundle/format';

/** A bundle's fingerprint (the SHA-256 of its manifest), for people to read out and compare. */
export function Fingerprint({ sha256 }: { sha256: string }) {
  return (
    <p className="bundle-fingerprint">
      <span className="muted small">Fingerprint</span>{' '}
      <code aria-label="Bundle fingerprint" title={`SHA-256 of the bundle’s manifest: ${sha256}`}>
        {fingerprint(sha256)}
      </code>
    </p>
  );
}
