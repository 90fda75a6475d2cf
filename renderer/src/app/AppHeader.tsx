import { UserRound } from 'lucide-react';
import { useProfile } from '../features/cases';
import { ThemeToggle } from './ThemeToggle';
import { Logo } from './Logo';

/** The bar above the case list: the app's name, who is working, and the colour scheme. */
export function AppHeader() {
  const profile = useProfile();
  return (
    <header className="app-header">
      <Logo />
      <span className="spacer" />
      <span className="app-header__profile muted small" title="The name the activity log records">
        <UserRound aria-hidden="true" />
        {profile.name}
      </span>
      <ThemeToggle />
    </header>
  );
}
