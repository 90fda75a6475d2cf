import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { X } from 'lucide-react';

export type ToastTone = 'info' | 'success' | 'error';

interface Toast {
  id: number;
  tone: ToastTone;
  message: ReactNode;
}

interface ToastApi {
  /** Shows a message for a while (errors stay until dismissed). */
  show(message: ReactNode, tone?: ToastTone): void;
}

const ToastContext = createContext<ToastApi | null>(null);

let nextToastId = 1;

/** Holds the stack of short messages in the corner of the window. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);
  const show = useCallback(
    (message: ReactNode, tone: ToastTone = 'info') => {
      const id = nextToastId++;
      setToasts((list) => [...list.slice(-2), { id, tone, message }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), 6_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast--${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
          >
            <div className="toast__body">{toast.message}</div>
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label="Dismiss message"
              onClick={() => dismiss(toast.id)}
            >
              <X aria-hidden="true" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows short messages; must be used below {@link ToastProvider}. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider above it.');
  return api;
}
