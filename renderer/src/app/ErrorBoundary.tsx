import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/**
 * Catches a crash in the part of the app below it and says so plainly. Nothing stored is lost:
 * every change was written to the database when it was made.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Casefile crashed while drawing the screen', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>
          Your case is safe: every change was saved when you made it. Reload to carry on. If it
          happens again, note what you were doing.
        </p>
        <pre className="crash__detail">{this.state.error.message}</pre>
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.hash = '#/';
              this.setState({ error: undefined });
            }}
          >
            Back to cases
          </button>
        </div>
      </div>
    );
  }
}
