import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape, Result } from '../../shared/contract';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { TextField } from '../core/ui/TextField';
import type { Loaded } from '../core/data/useLoad';

interface Item {
  id: number;
  name: string;
  active: boolean;
}
type SaveInput = { id?: number; name: string; active: boolean };

const TEXT = {
  district: {
    heading: 'settings.registers.districts',
    intro: 'settings.registers.districtsIntro',
    addLabel: 'settings.registers.addDistrict',
    add: 'settings.registers.addDistrictButton',
    loadFailed: 'settings.registers.loadFailed',
  },
  effort: {
    heading: 'settings.registers.efforts',
    intro: 'settings.registers.effortsIntro',
    addLabel: 'settings.registers.addEffort',
    add: 'settings.registers.addEffortButton',
    loadFailed: 'settings.registers.loadFailed',
  },
} as const;

const MAX_NAME = 80;

/**
 * One editable reference list (bydele or indsatser): a table with Omdøb and Tag ud af brug / Tag i
 * brug igen per row, and a field to add one. Main's messages (e.g. a name already used) show at
 * the field; what was typed stays.
 */
export function ReferenceList<T extends Item>({
  kind,
  data,
  reload,
  save,
}: {
  kind: 'district' | 'effort';
  data: Loaded<T[]>;
  reload: () => void;
  save: (item: SaveInput, all: readonly T[]) => Promise<Result<unknown>>;
}) {
  const text = TEXT[kind];
  const [editing, setEditing] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const headingId = `${kind}-list-heading`;
  // The id of an element to focus once the render that shows it is committed (e.g. Omdøb after a rename).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const run = async (item: SaveInput, all: readonly T[], done: string): Promise<AppErrorShape | null> => {
    setFailure(null);
    const r = await save(item, all);
    if (!r.ok) return r.error;
    setStatus(done);
    reload();
    return null;
  };

  return (
    <section aria-labelledby={headingId} className="settings-section reference-list">
      <h2 id={headingId}>{t(text.heading)}</h2>
      <p>{t(text.intro)}</p>
      <p role="status" className="reference-status">
        {status}
      </p>
      {failure ? (
        <Alert variant="error" live="alert" heading={t('settings.registers.saveFailed')}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t(text.loadFailed)}>
        {(items) => (
          <>
            <table className="table table--compact settings-table reference-table" data-testid={`${kind}-list`}>
              <caption className="sr-only">{t(text.heading)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.registers.colName')}</th>
                  <th scope="col">{t('settings.registers.colStatus')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('settings.registers.colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) =>
                  editing === item.id ? (
                    <RenameRow
                      key={item.id}
                      kind={kind}
                      item={item}
                      onCancel={() => {
                        setEditing(null);
                        setFocusId(`${kind}-rename-${item.id}`);
                      }}
                      onSave={async (name) => {
                        const error = await run({ id: item.id, name, active: item.active }, items, t('settings.registers.renamed', { old: item.name, name }));
                        if (!error) {
                          setEditing(null);
                          setFocusId(`${kind}-rename-${item.id}`);
                        }
                        return error;
                      }}
                    />
                  ) : (
                    <tr key={item.id} className={item.active ? undefined : 'is-inactive'}>
                      <th scope="row">{item.name}</th>
                      <td>{item.active ? t('settings.registers.active') : t('settings.registers.inactive')}</td>
                      <td className="settings-cell-action">
                        <Button
                          variant="secondary"
                          id={`${kind}-rename-${item.id}`}
                          onClick={() => {
                            setStatus('');
                            setFailure(null);
                            setEditing(item.id);
                          }}
                        >
                          {t('settings.registers.rename')}
                          <span className="sr-only"> {item.name}</span>
                        </Button>
                        <Button
                          variant="tertiary"
                          id={`${kind}-toggle-${item.id}`}
                          onClick={async () => {
                            const error = await run(
                              { id: item.id, name: item.name, active: !item.active },
                              items,
                              item.active ? t('settings.registers.deactivated', { name: item.name }) : t('settings.registers.activated', { name: item.name }),
                            );
                            if (error) setFailure(error);
                          }}
                        >
                          {item.active ? t('settings.registers.deactivate') : t('settings.registers.activate')}
                          <span className="sr-only"> {item.name}</span>
                        </Button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            <AddForm kind={kind} label={t(text.addLabel)} button={t(text.add)} onAdd={(name) => run({ name, active: true }, items, t('settings.registers.added', { name }))} />
          </>
        )}
      </LoadingGate>
    </section>
  );
}

function RenameRow({ kind, item, onSave, onCancel }: { kind: string; item: Item; onSave: (name: string) => Promise<AppErrorShape | null>; onCancel: () => void }) {
  const [name, setName] = useState(item.name);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const fieldId = `${kind}-name-${item.id}`;
  const submit = async () => {
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('settings.registers.nameRequired'));
      inputRef.current?.focus();
      return;
    }
    if (trimmed === item.name) {
      onCancel();
      return;
    }
    setBusy(true);
    const failure = await onSave(trimmed);
    setBusy(false);
    if (failure) {
      setError(failure.message);
      inputRef.current?.focus();
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <tr className="is-editing">
      <td colSpan={2}>
        <TextField
          id={fieldId}
          inputRef={inputRef}
          label={t('settings.registers.newName', { name: item.name })}
          value={name}
          maxLength={MAX_NAME}
          autoFocus
          onKeyDown={onKeyDown}
          onChange={(v) => {
            setName(v);
            setError(undefined);
          }}
          error={error}
          width="m"
        />
      </td>
      <td className="settings-cell-action">
        <Button onClick={() => void submit()} busy={busy} busyLabel={t('settings.saving')}>
          {t('settings.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('settings.cancel')}
        </Button>
      </td>
    </tr>
  );
}

function AddForm({ kind, label, button, onAdd }: { kind: string; label: string; button: string; onAdd: (name: string) => Promise<AppErrorShape | null> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('settings.registers.nameRequired'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const failure = await onAdd(trimmed);
    setBusy(false);
    if (failure) {
      setError(failure.message);
      inputRef.current?.focus();
    } else {
      setName('');
      setError(undefined);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="reference-add">
      <TextField
        id={`${kind}-new-name`}
        inputRef={inputRef}
        label={label}
        value={name}
        maxLength={MAX_NAME}
        width="m"
        onChange={(v) => {
          setName(v);
          setError(undefined);
        }}
        error={error}
      />
      <Button type="submit" variant="secondary" busy={busy} busyLabel={t('settings.saving')}>
        {button}
      </Button>
    </form>
  );
}
