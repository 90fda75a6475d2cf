import { useState } from 'react';
import { useLocation } from 'wouter';
import { Dialog, Field, Notice, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { useImport } from './ImportProvider';

/** Adds pasted text as a source, with a title and a note on where it came from. */
export function PasteTextDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { importPastedText } = useImport();
  const { record } = useCase();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [provenance, setProvenance] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setTitle('');
    setText('');
    setProvenance('');
    setError(undefined);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async () => {
    if (!title.trim()) {
      setError('Give the text a title, so you can find it again.');
      return;
    }
    if (!text.trim()) {
      setError('Paste the text to import first.');
      return;
    }
    setBusy(true);
    try {
      const result = await importPastedText(title, text, provenance.trim() || undefined);
      if (result.status === 'failed') {
        setError(result.reason);
        return;
      }
      if (result.status === 'cancelled') return;
      if (result.status === 'duplicate') {
        toast.show(`This text is already in this case as “${result.title}”.`, 'info');
      } else {
        toast.show(`Added “${result.title}”.`, 'success');
      }
      close();
      navigate(paths.source(record.id, result.sourceId));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title="Paste text"
      description="The text is stored exactly as pasted, with its SHA-256, like an imported file."
      onClose={close}
      onSubmit={submit}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Add source
          </button>
        </>
      }
    >
      <Field label="Title">
        <input
          className="input"
          value={title}
          maxLength={500}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field label="Text">
        <textarea
          className="textarea paste-text"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Field label="Where did this come from?" hint="Optional: who gave it to you, when and how.">
        <input
          className="input"
          value={provenance}
          onChange={(e) => setProvenance(e.target.value)}
        />
      </Field>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}
