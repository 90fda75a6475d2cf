import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { CasesScreen, ProfileProvider } from '../features/cases';
import { ToastProvider } from '../ui';
import { AppHeader } from './AppHeader';
import { CaseWorkspace } from './CaseWorkspace';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFound } from './NotFound';
import { useTheme } from './theme';
import './app.css';

/** The whole app: messages, the local profile, and the two places: the case list and a case. */
export function App() {
  useTheme();
  return (
    <ErrorBoundary>
      <ToastProvider>
        <ProfileProvider>
          <Router hook={useHashLocation}>
            <Switch>
              <Route path="/">
                <div className="home">
                  <AppHeader />
                  <CasesScreen />
                </div>
              </Route>
              <Route path="/cases/:caseId/:section?/:itemId?/:focusKind?/:focusValue?">
                {(raw) => {
                  const params = raw as Record<string, string | undefined>;
                  const caseId = params.caseId ?? '';
                  return (
                    <ErrorBoundary key={caseId}>
                      <CaseWorkspace
                        caseId={caseId}
                        section={params.section}
                        itemId={params.itemId}
                        focusKind={params.focusKind}
                        focusValue={params.focusValue}
                      />
                    </ErrorBoundary>
                  );
                }}
              </Route>
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Router>
        </ProfileProvider>
      </ToastProvider>
    </ErrorBoundary>
  );
}
