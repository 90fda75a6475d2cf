import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { Check, Copy } from 'lucide-react';
import type { Source, TextRevision } from '@shared/schemas/records';
import { Field, formatBytes, formatTimestamp, useToast } from '../../ui';
import { useCase } from '../cases';

const ORIGIN_LABELS: Record<Source['origin'], string> = {
  file: 'Imported from a file',
  drop: 'Dropped onto the window',
  paste: 'Pasted as text',
  clipboard: 'Pasted from the clipboard',
  archive: 'Taken from an archive',
  attachment: 'Attached to an email or a chat message',
  folder: 'Imported with a folder',
};

/** Where a source came from and what it is: the hash, the file, the import, the provenance note. */
export function SourceDetails({
  source,
  revision,
}: {
  source: Source;
  revision: TextRevision | undefined;
}) {
  const { repos } = useCase();
  const toast = useToast();
  const [provenance, setProvenance] = useState(source.provenance);
  const [copied, setCopied] = useState(false);
  // When the stored note changes (saved here or elsewhere), the field follows it.
  const [stored, setStored] = useState(source.provenance);
  if (stored !== source.provenance) {
    setStored(source.provenance);
    setProvenance(source.provenance);
  }
  const dirty = provenance !== source.provenance;

  const save = async () => {
    try {
      await repos.sources.setProvenance(source.id, provenance);
      toast.show('Saved where this source came from.', 'success');
    } catch (cause) {
      toast.show(errorMessage(cause), 'error');
    }
  };
  const copyHash = async () => {
    try {
      await navigator.clipboard.writeText(source.sha256);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.show('Could not copy: select the hash and copy it by hand.', 'error');
    }
  };

  return (
    <section className="side-section" aria-label="About this source">
      <h2 className="side-section__title">About this source</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field
          label="Where did this come from?"
          hint="Who gave it to you, when, how; anything an editor should know."
        >
          <textarea
            className="textarea provenance"
            value={provenance}
            maxLength={20_000}
            onChange={(event) => setProvenance(event.target.value)}
          />
        </Field>
        <div className="row">
          <button type="submit" className="button button--small" disabled={!dirty}>
            Save note
          </button>
          {dirty ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setProvenance(source.provenance)}
            >
              Discard
            </button>
          ) : null}
        </div>
      </form>
      <dl className="details">
        <dt>SHA-256 of the original</dt>
        <dd className="details__hash">
          <code>{source.sha256}</code>
          <button
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label="Copy SHA-256"
            onClick={copyHash}
          >
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          </button>
        </dd>
        {source.fileName ? (
          <>
            <dt>File name</dt>
            <dd>{source.fileName}</dd>
          </>
        ) : null}
        <dt>Size</dt>
        <dd>
          {formatBytes(source.size)} · {source.mediaType}
        </dd>
        <dt>Imported</dt>
        <dd>
          {formatTimestamp(source.importedAt)} by {source.importedBy}
          <br />
          <span className="faint">{ORIGIN_LABELS[source.origin]}</span>
        </dd>
        {source.encoding ? (
          <>
            <dt>Read as</dt>
            <dd>
              {source.encoding.name.toUpperCase()}
              {source.encoding.assumed ? <span className="faint"> (assumed)</span> : null}
            </dd>
          </>
        ) : null}
        {revision ? (
          <>
            <dt>Text</dt>
            <dd>
              {revision.text.length.toLocaleString('en-GB')} characters · revision{' '}
              {revision.revision} ({revision.kind})
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
