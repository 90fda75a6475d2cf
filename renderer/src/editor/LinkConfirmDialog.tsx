import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Dialog, Notice } from '../ui';

/**
 * Asks before anything is done with a link from a description or the notes. Casefile itself never
 * opens web pages (a visit tells the site's owner the document was read, and when, and from where):
 * the reporter can copy the address to open it in a browser of their choice.
 */
export function LinkConfirmDialog({ href, onClose }: { href: string; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setCopied('yes');
    } catch {
      setCopied('failed');
      field.current?.select();
    }
  };
  return createPortal(
    <Dialog
      open
      title="Open this link?"
      description="Casefile does not open web pages: visiting one can tell its owner that this case was read. Copy the address to open it yourself, in a browser you choose."
      onClose={onClose}
      onSubmit={copy}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Copy address
          </button>
        </>
      }
    >
      <input
        ref={field}
        className="input mono"
        readOnly
        value={href}
        aria-label="Link address"
        onFocus={(event) => event.currentTarget.select()}
      />
      {copied === 'yes' ? <Notice tone="success">The address is on the clipboard.</Notice> : null}
      {copied === 'failed' ? (
        <Notice tone="warning">
          The clipboard is not available here: the address is selected, press Ctrl+C (⌘C) to copy
          it.
        </Notice>
      ) : null}
    </Dialog>,
    document.body,
  );
}
