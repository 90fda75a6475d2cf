import { errorMessage } from '@shared/domain/errorMessage';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { UserRound } from 'lucide-react';
import { Dialog, Field, Loading, Notice } from '../../ui';
import { getCatalog } from './catalog';

interface ProfileApi {
  name: string;
  rename(name: string): Promise<void>;
}

const ProfileContext = createContext<ProfileApi | null>(null);

/**
 * Asks once for the name the activity log records ("who did this"), and provides it to the app.
 * Nothing else can be done before it is given, since every change is logged with it.
 */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const catalog = getCatalog();
  const profile = useLiveQuery(async () => (await catalog.getProfile()) ?? null, [catalog]);
  if (profile === undefined) return <Loading label="Opening Casefile…" />;
  if (profile === null) return <ProfileSetup />;
  const api: ProfileApi = {
    name: profile.name,
    rename: async (name) => {
      await catalog.setProfile(name);
    },
  };
  return <ProfileContext.Provider value={api}>{children}</ProfileContext.Provider>;
}

function ProfileSetup() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    try {
      await getCatalog().setProfile(name);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <div className="welcome">
      <Dialog
        open
        title="Welcome to Casefile"
        description="Casefile keeps every change in an activity log, so an editor can see who did what and when. Which name should it record for you?"
        onClose={() => setError('Enter a name to continue; you can change it later.')}
        onSubmit={save}
        footer={
          <button type="submit" className="button button--primary">
            <UserRound aria-hidden="true" />
            Continue
          </button>
        }
      >
        <Field
          label="Your name"
          hint="Shown in activity logs and on comments. It stays on this computer."
          error={error}
        >
          <input
            className="input"
            value={name}
            autoFocus
            maxLength={100}
            autoComplete="name"
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
        </Field>
        <Notice tone="info" live={false}>
          Everything you import stays on this computer. Nothing is sent anywhere unless you export
          it.
        </Notice>
      </Dialog>
    </div>
  );
}

/** The local profile; must be used below {@link ProfileProvider}. */
export function useProfile(): ProfileApi {
  const api = useContext(ProfileContext);
  if (!api) throw new Error('useProfile needs a ProfileProvider above it.');
  return api;
}
