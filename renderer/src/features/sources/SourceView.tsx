import { useLiveQuery } from 'dexie-react-hooks';
import { FileQuestion } from 'lucide-react';
import { EmptyState, Loading } from '../../ui';
import type { SourceFocus } from '../../navigation/paths';
import { useCase } from '../cases';
import { TextReader } from './TextReader';
import { ImageReader } from './ImageReader';
import { ChatReader } from './ChatReader';
import { EmailReader } from './EmailReader';

/**
 * One source in the reader. Each kind has its own reader (text and documents, images with their
 * recognised text, chat conversations, emails); all share the selection -> anchor -> tag or event
 * flow and the "In this source" panel.
 */
export function SourceView({
  sourceId,
  focus,
}: {
  sourceId: string;
  focus?: SourceFocus | undefined;
}) {
  const { repos } = useCase();
  const source = useLiveQuery(
    async () => (await repos.sources.get(sourceId)) ?? null,
    [repos, sourceId],
  );
  if (source === undefined) return <Loading label="Opening source…" />;
  if (source === null) {
    return (
      <EmptyState icon={<FileQuestion aria-hidden="true" />} title="This source is not in the case">
        It may have been removed, or the link is from another case.
      </EmptyState>
    );
  }
  switch (source.kind) {
    case 'image':
      return <ImageReader key={source.id} source={source} focus={focus} />;
    case 'chat':
      return <ChatReader key={source.id} source={source} focus={focus} />;
    case 'email':
      return <EmailReader key={source.id} source={source} focus={focus} />;
    default:
      return <TextReader key={source.id} source={source} focus={focus} />;
  }
}
