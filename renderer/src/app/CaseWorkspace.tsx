import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, Redirect } from 'wouter';
import {
  Activity,
  CalendarClock,
  ChevronLeft,
  FileArchive,
  FileText,
  Lightbulb,
  NotebookPen,
  Pencil,
  Search,
  Users,
} from 'lucide-react';
import {
  CaseFormDialog,
  CaseProvider,
  ProfileButton,
  useCase,
  useProfile,
} from '../features/cases';
import { ExportCaseDialog } from '../features/bundles';
import { DropZone, ImportProvider } from '../features/import';
import { EntitiesScreen, SuggestionsProvider, SuggestionsScreen } from '../features/entities';
import { SearchProvider, SearchScreen, useSearchShortcut } from '../features/search';
import { TimelineScreen } from '../features/timeline';
import { ActivityScreen } from '../features/activity';
import { NotesScreen } from '../features/notes';
import { parseSourceFocus, paths } from '../navigation/paths';
import { lazyComponent, whenScreenReady } from '../ui';
// The sources' styles stay with the app's: other screens use some of their classes (chips,
// highlights, side sections), and the sources' code may not have loaded yet.
import '../features/sources/sources.css';
import { ThemeToggle } from './ThemeToggle';
import { Logo } from './Logo';
import { NotFound } from './NotFound';

interface CaseWorkspaceProps {
  caseId: string;
  section?: string | undefined;
  itemId?: string | undefined;
  focusKind?: string | undefined;
  focusValue?: string | undefined;
}

/** The sections whose code loads on demand, to start loading while the case opens. */
/** The sources list and reader, loaded with their own code (HTML sanitising, readers). */
const SourcesScreen = lazyComponent(() =>
  import('../features/sources').then((module) => module.SourcesScreen),
);

const LAZY_SCREENS: Record<string, { preload(): Promise<unknown> } | undefined> = {
  sources: SourcesScreen,
  entities: EntitiesScreen,
  timeline: TimelineScreen,
  activity: ActivityScreen,
  search: SearchScreen,
  suggestions: SuggestionsScreen,
  notes: NotesScreen,
};

/**
 * Starts loading the code of the screen an address opens (`#/cases/<id>/<section>`), so that it
 * loads while the app starts and the case opens instead of after.
 */
export function preloadScreenOf(hash: string): void {
  const section = /^#\/cases\/[^/]+\/([^/?]+)/.exec(hash)?.[1];
  if (section) void LAZY_SCREENS[section]?.preload();
}

/** One open case: the navigation rail and the section being worked on. */
export function CaseWorkspace(props: CaseWorkspaceProps) {
  const { section } = props;
  useEffect(() => {
    if (section) void LAZY_SCREENS[section]?.preload();
  }, [section]);
  // Once the first screen is up, the other screens' code (not the editor's, which is large) loads
  // while the app is idle, so that moving between sections does not wait for it.
  useEffect(
    () =>
      whenScreenReady(() => {
        for (const screen of [
          SourcesScreen,
          TimelineScreen,
          EntitiesScreen,
          SearchScreen,
          ActivityScreen,
        ])
          void screen.preload();
      }),
    [],
  );
  return (
    <CaseProvider caseId={props.caseId}>
      <ImportProvider>
        <SearchProvider>
          <SuggestionsProvider>
            <WorkspaceLayout {...props} />
            <DropZone />
          </SuggestionsProvider>
        </SearchProvider>
      </ImportProvider>
    </CaseProvider>
  );
}

function WorkspaceLayout({ caseId, section, itemId, focusKind, focusValue }: CaseWorkspaceProps) {
  const { record, repos } = useCase();
  const [renaming, setRenaming] = useState(false);
  const [exporting, setExporting] = useState(false);
  const profile = useProfile();
  useSearchShortcut();
  // The rail's counts read whole indexes (100,000 events are counted one by one): they wait until
  // the open screen has painted.
  const [counting, setCounting] = useState(false);
  useEffect(() => whenScreenReady(() => setCounting(true), 1_500), []);
  const counts = useLiveQuery(async () => {
    if (!counting) return undefined;
    const db = repos.store.db;
    const [sources, entities, events, suggestions] = await Promise.all([
      db.sources.count(),
      db.entities.count(),
      db.events.count(),
      repos.suggestions.countOpen(),
    ]);
    return { sources, entities, events, suggestions };
  }, [repos, counting]);

  if (!section) return <Redirect to={paths.sources(caseId)} replace />;
  let screen;
  switch (section) {
    case 'sources':
      screen = <SourcesScreen sourceId={itemId} focus={parseSourceFocus(focusKind, focusValue)} />;
      break;
    case 'entities':
      screen = <EntitiesScreen entityId={itemId} />;
      break;
    case 'timeline':
      screen = <TimelineScreen eventId={itemId} />;
      break;
    case 'activity':
      screen = <ActivityScreen />;
      break;
    case 'search':
      screen = <SearchScreen />;
      break;
    case 'suggestions':
      screen = <SuggestionsScreen />;
      break;
    case 'notes':
      screen = <NotesScreen />;
      break;
    default:
      screen = <NotFound />;
  }
  const tabs = [
    {
      key: 'search',
      label: 'Search',
      href: paths.search(caseId),
      Icon: Search,
      count: undefined,
    },
    {
      key: 'sources',
      label: 'Sources',
      href: paths.sources(caseId),
      Icon: FileText,
      count: counts?.sources,
    },
    {
      key: 'entities',
      label: 'Entities',
      href: paths.entities(caseId),
      Icon: Users,
      count: counts?.entities,
    },
    {
      key: 'suggestions',
      label: 'Suggestions',
      href: paths.suggestions(caseId),
      Icon: Lightbulb,
      count: counts?.suggestions,
    },
    {
      key: 'timeline',
      label: 'Timeline',
      href: paths.timeline(caseId),
      Icon: CalendarClock,
      count: counts?.events,
    },
    {
      key: 'notes',
      label: 'Notes',
      href: paths.notes(caseId),
      Icon: NotebookPen,
      count: undefined,
    },
    {
      key: 'activity',
      label: 'Activity',
      href: paths.activity(caseId),
      Icon: Activity,
      count: undefined,
    },
  ];

  return (
    <div className="workspace">
      <nav className="workspace__nav" aria-label="Case">
        <Link href={paths.home()} className="workspace__back">
          <ChevronLeft aria-hidden="true" />
          <Logo />
        </Link>
        <div className="workspace__case">
          <span className="workspace__case-label faint">Case</span>
          <div className="row">
            <strong className="workspace__case-name" title={record.name}>
              {record.name}
            </strong>
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label="Rename case"
              title="Rename case"
              onClick={() => setRenaming(true)}
            >
              <Pencil aria-hidden="true" />
            </button>
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label="Export case"
              title="Export case as a bundle"
              onClick={() => setExporting(true)}
            >
              <FileArchive aria-hidden="true" />
            </button>
          </div>
        </div>
        <ul className="list-reset workspace__tabs">
          {tabs.map(({ key, label, href, Icon, count }) => (
            <li key={key}>
              <Link
                href={href}
                className="workspace__tab"
                aria-current={section === key ? 'page' : undefined}
              >
                <Icon aria-hidden="true" />
                <span className="workspace__tab-label">{label}</span>
                {count !== undefined ? (
                  <span className="workspace__tab-count">{count.toLocaleString('en-GB')}</span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
        <span className="spacer" />
        <div className="workspace__footer">
          <ProfileButton />
          <ThemeToggle />
        </div>
      </nav>
      <main className="workspace__main">{screen}</main>
      {renaming ? (
        <CaseFormDialog open existing={record} onClose={() => setRenaming(false)} />
      ) : null}
      {exporting ? (
        <ExportCaseDialog
          caseRecord={record}
          actor={profile.name}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </div>
  );
}
