import type { ReactNode } from 'react';
import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';

interface NoticeProps {
  tone?: 'info' | 'warning' | 'error' | 'success';
  children: ReactNode;
  /** Errors interrupt a screen reader; other tones are read politely. */
  live?: boolean;
}

const ICONS = { info: Info, warning: AlertTriangle, error: XCircle, success: CheckCircle2 };

/** A short message in the flow of a page or dialog. */
export function Notice({ tone = 'info', children, live = true }: NoticeProps) {
  const Icon = ICONS[tone];
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <Icon aria-hidden="true" />
      <div>{children}</div>
    </div>
  );
}
