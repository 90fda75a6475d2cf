import { useEffect } from 'react';
import { removeUnfinishedBundleCases } from '../../db/bundleCases';

/**
 * Deletes what a bundle being opened left behind when Casefile was closed half-way (a case
 * database in no catalog, marked unfinished, whose writer is gone). Runs once per start screen.
 */
export function useUnfinishedBundleCleanup(): void {
  useEffect(() => {
    void removeUnfinishedBundleCases().catch(() => undefined);
  }, []);
}
