import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { FolderX } from 'lucide-react';
import { Link } from 'wouter';
import type { Case } from '@shared/schemas/records';
import { openCase, type CaseRepositories } from '../../db';
import { EmptyState, Loading } from '../../ui';
import { paths } from '../../navigation/paths';
import { getCatalog } from './catalog';
import { useProfile } from './ProfileProvider';

interface OpenCase {
  record: Case;
  repos: CaseRepositories;
}

const CaseContext = createContext<OpenCase | null>(null);

/** Opens one case's database for everything below it, and closes it on the way out. */
export function CaseProvider({ caseId, children }: { caseId: string; children: ReactNode }) {
  const profile = useProfile();
  const actor = useRef(profile.name);
  useEffect(() => {
    actor.current = profile.name;
  }, [profile.name]);

  // Opened in an effect (not a memo) so that each mount owns, and closes, its own connection.
  const [repos, setRepos] = useState<CaseRepositories>();
  useEffect(() => {
    const opened = openCase(caseId, () => actor.current);
    // Open the database now, while the screen's code and the case record load, rather than on
    // the screen's first query.
    opened.store.db.open().catch(() => undefined);
    setRepos(opened);
    return () => opened.close();
  }, [caseId]);

  const record = useLiveQuery(async () => (await getCatalog().getCase(caseId)) ?? null, [caseId]);
  const value = useMemo(
    () => (record && repos?.caseId === caseId ? { record, repos } : null),
    [record, repos, caseId],
  );

  if (record === undefined || (record && !value)) return <Loading label="Opening case…" />;
  if (record === null || !value) {
    return (
      <EmptyState
        icon={<FolderX aria-hidden="true" />}
        title="This case is not on this computer"
        actions={
          <Link className="button button--primary" href={paths.home()}>
            Back to cases
          </Link>
        }
      >
        It may have been deleted, or the link points at a case kept in another Casefile.
      </EmptyState>
    );
  }
  return <CaseContext.Provider value={value}>{children}</CaseContext.Provider>;
}

/** The open case; must be used below {@link CaseProvider}. */
export function useCase(): OpenCase {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase needs a CaseProvider above it.');
  return value;
}
