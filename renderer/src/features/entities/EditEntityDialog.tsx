import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus, Trash2 } from 'lucide-react';
import type { Entity, EntityType } from '@shared/schemas/records';
import { ENTITY_TYPES, entityTypeLabel } from '@shared/domain/entityTypes';
import { Dialog, Field, Notice, useToast } from '../../ui';
import { RichTextEditor } from '../../editor';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { rankEntities } from './EntityPicker';

/** Edits everything about an entity. Renaming never changes a source. */
export function EditEntityDialog({ entity, onClose }: { entity: Entity; onClose: () => void }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const others = useLiveQuery(() => repos.entities.list(), [repos]);
  const findEntities = useCallback(
    (query: string) =>
      rankEntities(others ?? [], query)
        .slice(0, 8)
        .map((e) => ({ id: e.id, label: e.name, type: entityTypeLabel(e.type) })),
    [others],
  );
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [identifiers, setIdentifiers] = useState(
    entity.identifiers.length > 0 ? entity.identifiers : [{ kind: '', value: '' }],
  );
  const [tags, setTags] = useState(entity.tags.join(', '));
  const [description, setDescription] = useState<unknown>(entity.description);
  const [error, setError] = useState<string>();
  const submit = async () => {
    try {
      await repos.entities.update(entity.id, {
        name,
        type,
        aliases: aliases.split('\n'),
        identifiers: identifiers.filter((i) => i.value.trim()),
        tags: tags.split(','),
        description,
      });
      toast.show(
        name.trim() !== entity.name
          ? 'Saved. The sources are unchanged: only the entity was renamed.'
          : `Saved “${name.trim()}”.`,
        'success',
      );
      onClose();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message.replace(/^\[.*?\]\s*/, '') : String(cause));
    }
  };
  const setIdentifier = (index: number, change: Partial<{ kind: string; value: string }>) =>
    setIdentifiers((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <Dialog
      open
      wide
      title="Edit entity"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </>
      }
    >
      <div className="entity-form__row">
        <Field label="Name" error={error}>
          <input
            className="input"
            value={name}
            autoFocus
            maxLength={500}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          label="Type"
          hint="Aligned with FollowTheMoney: a government body is a PublicBody, an account a UserAccount."
        >
          <select
            className="select"
            value={type}
            onChange={(e) => setType(e.target.value as EntityType)}
          >
            {ENTITY_TYPES.map((info) => (
              <option key={info.type} value={info.type}>
                {info.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Aliases" hint="Other names, one a line. Suggestions look for these too.">
        <textarea
          className="textarea"
          rows={3}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </Field>
      <fieldset className="entity-form__identifiers">
        <legend className="field__label">Identifiers</legend>
        {identifiers.map((item, index) => (
          <div className="row" key={index}>
            <input
              className="input"
              aria-label={`Identifier ${index + 1} kind`}
              placeholder="Kind (handle, phone, registry number)"
              value={item.kind}
              onChange={(e) => setIdentifier(index, { kind: e.target.value })}
            />
            <input
              className="input"
              aria-label={`Identifier ${index + 1} value`}
              placeholder="Value"
              value={item.value}
              onChange={(e) => setIdentifier(index, { value: e.target.value })}
            />
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label={`Remove identifier ${index + 1}`}
              onClick={() => setIdentifiers((list) => list.filter((_, i) => i !== index))}
            >
              <Trash2 aria-hidden="true" />
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setIdentifiers((list) => [...list, { kind: '', value: '' }])}
        >
          <Plus aria-hidden="true" /> Add identifier
        </button>
      </fieldset>
      <Field label="Tags" hint="Separate tags with commas.">
        <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <div className="field">
        <span className="field__label">Description</span>
        <RichTextEditor
          value={description}
          onChange={setDescription}
          label="Description"
          findEntities={findEntities}
          entityHref={(id) => paths.entity(record.id, id)}
        />
      </div>
      <Notice tone="info" live={false}>
        Renaming changes how the entity is listed. The words in the sources stay exactly as they
        are.
      </Notice>
    </Dialog>
  );
}
