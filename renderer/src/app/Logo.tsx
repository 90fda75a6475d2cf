/** The Casefile mark and name. */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="logo">
      <svg viewBox="0 0 64 64" aria-hidden="true" className="logo__mark">
        <rect x="6" y="10" width="52" height="44" rx="6" fill="var(--accent)" />
        <path d="M6 20h20l4-6h22a6 6 0 0 1 6 6v4H6z" fill="currentColor" opacity="0.35" />
        <rect x="16" y="30" width="32" height="4" rx="2" fill="var(--bg-raised)" />
        <rect x="16" y="39" width="22" height="4" rx="2" fill="var(--bg-raised)" />
      </svg>
      {compact ? null : <span className="logo__name">Casefile</span>}
    </span>
  );
}
