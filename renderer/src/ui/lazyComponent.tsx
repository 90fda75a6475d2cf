import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Loading } from './EmptyState';

/** A component whose code is loaded when it is first drawn (or when `preload` is called). */
export interface LazyComponent<P extends object> {
  (props: P): ReactNode;
  /** Starts loading the code now (for example while the app opens a case), so it draws at once. */
  preload(): Promise<unknown>;
}

/**
 * Wraps a component that lives in its own chunk, so that a screen, a dialog or the editor loads
 * only when it is first needed and the app's first paint does not wait for it. `fallback` is drawn
 * while the code loads (a quiet loading line unless said otherwise; `null` for dialogs), and may
 * depend on the props.
 *
 * Not React.lazy: a lazy component suspends on its first render even when its code is already
 * loaded, and React holds a revealed Suspense boundary back for up to 300 ms after its fallback
 * showed, which would be most of a first paint. This draws the component in the same pass when its
 * code is in, and otherwise draws it as soon as it arrives.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode | ((props: P) => ReactNode) = <Loading />,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let failed: unknown;
  let loading: Promise<unknown> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        failed = error;
      },
    ));
  const Wrapped = (props: P) => {
    const [, setArrived] = useState(0);
    useEffect(() => {
      if (loaded || failed) return;
      let alive = true;
      void start().then(() => {
        if (alive) setArrived((n) => n + 1);
      });
      return () => {
        alive = false;
      };
    }, []);
    // A chunk that cannot be loaded is an error for the nearest error boundary to show.
    if (failed) throw failed;
    const Component = loaded;
    if (Component) return <Component {...props} />;
    return typeof fallback === 'function' ? fallback(props) : fallback;
  };
  Wrapped.preload = start;
  return Wrapped;
}
