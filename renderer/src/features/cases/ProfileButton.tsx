import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { UserRound } from 'lucide-react';
import { Dialog, Field, useToast } from '../../ui';
import { useProfile } from './ProfileProvider';

/** Shows who is working and lets them change the name the activity log records from now on. */
export function ProfileButton() {
  const profile = useProfile();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(profile.name);
  const [error, setError] = useState<string>();
  const close = () => {
    setOpen(false);
    setError(undefined);
  };
  const save = async () => {
    try {
      await profile.rename(name);
      toast.show(
        'From now on the activity log records your new name. Earlier entries keep the old one.',
        'success',
      );
      close();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--ghost button--small profile-button"
        title="The name the activity log records"
        aria-label={`Working as ${profile.name}. Change name`}
        onClick={() => {
          setName(profile.name);
          setOpen(true);
        }}
      >
        <UserRound aria-hidden="true" />
        {profile.name}
      </button>
      <Dialog
        open={open}
        title="Your name in the activity log"
        description="Changes made from now on are recorded under this name. Entries already in the log are sealed and keep the name they were made with."
        onClose={close}
        onSubmit={save}
        footer={
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button--primary">
              Save
            </button>
          </>
        }
      >
        <Field label="Your name" error={error}>
          <input
            className="input"
            value={name}
            maxLength={100}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </Dialog>
    </>
  );
}
