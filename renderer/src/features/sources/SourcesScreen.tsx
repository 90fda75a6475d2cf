import { FileSearch } from 'lucide-react';
import { EmptyState } from '../../ui';
import type { SourceFocus } from '../../navigation/paths';
import { SourceList } from './SourceList';
import { SourceView } from './SourceView';
import './sources.css';

/** The reading room: the list of sources and the open one. */
export function SourcesScreen({
  sourceId,
  focus,
}: {
  sourceId?: string | undefined;
  focus?: SourceFocus | undefined;
}) {
  return (
    <div className="sources-screen">
      <SourceList selectedId={sourceId} />
      <div className="sources-screen__reader">
        {sourceId ? (
          <SourceView sourceId={sourceId} focus={focus} />
        ) : (
          <EmptyState icon={<FileSearch aria-hidden="true" />} title="Open a source to read it">
            Choose a source on the left. In the reader, select a passage to tag the entities it
            names or to add a timeline event backed by its exact words.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
