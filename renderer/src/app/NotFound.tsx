import { Link } from 'wouter';
import { Compass } from 'lucide-react';
import { EmptyState } from '../ui';
import { paths } from '../navigation/paths';

/** What an unknown address shows. */
export function NotFound() {
  return (
    <EmptyState
      icon={<Compass aria-hidden="true" />}
      title="Nothing here"
      actions={
        <Link className="button button--primary" href={paths.home()}>
          Back to cases
        </Link>
      }
    >
      This address does not lead to anything in Casefile.
    </EmptyState>
  );
}
