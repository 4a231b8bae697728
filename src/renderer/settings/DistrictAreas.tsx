import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { districtSchema } from '../../shared/cases';
import { asciiSlug, bydelOfArea, CITY_BYDELE } from '../../shared/core/districts';
import { api } from '../core/api';
import type { Loaded } from '../core/data/useLoad';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { LoadingGate } from '../core/ui/LoadingGate';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';

type District = z.infer<typeof districtSchema>;

const bydelName = (code: string) => CITY_BYDELE.find((b) => b.code === code)?.name ?? code;

/** 'Hele Amager Vest' / 'Del af Amager Vest (distrikt-15)' / 'Ingen bydel'. */
function areasText(areas: readonly string[]): string {
  if (areas.length === 0) return t('settings.districtAreas.none');
  return areas
    .map((a) => (a.includes('/') ? t('settings.districtAreas.part', { bydel: bydelName(bydelOfArea(a)), part: a.split('/')[1] as string }) : t('settings.districtAreas.whole', { bydel: bydelName(a) })))
    .join(', ');
}

/**
 * Each district's code and the part of the city it covers: what report files carry, so the city
 * merge can refuse two files on the same ground and say which bydele are missing. One area per
 * district here (a whole bydel or a named part of one); the contract allows more.
 */
export function DistrictAreas({ data, reload }: { data: Loaded<District[]>; reload: () => void }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="district-areas-heading" className="settings-section reference-list">
      <h2 id="district-areas-heading">{t('settings.districtAreas.heading')}</h2>
      <p>{t('settings.districtAreas.intro')}</p>
      <p role="status" className="reference-status">
        {status}
      </p>
      <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.registers.loadFailed')}>
        {(items) => (
          <table className="table table--compact settings-table reference-table" data-testid="district-areas">
            <caption className="sr-only">{t('settings.districtAreas.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.registers.colName')}</th>
                <th scope="col">{t('settings.districtAreas.colCode')}</th>
                <th scope="col">{t('settings.districtAreas.colArea')}</th>
                <th scope="col">
                  <span className="sr-only">{t('settings.registers.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) =>
                editing === d.id ? (
                  <tr key={d.id} className="is-editing">
                    <th scope="row">{d.name}</th>
                    <td colSpan={3}>
                      <EditForm
                        district={d}
                        onCancel={() => setEditing(null)}
                        onSaved={() => {
                          setEditing(null);
                          setStatus(t('settings.districtAreas.saved', { name: d.name }));
                          reload();
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>
                      <code>{d.code}</code>
                    </td>
                    <td>{areasText(d.areas)}</td>
                    <td className="settings-cell-action">
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setStatus('');
                          setEditing(d.id);
                        }}
                      >
                        {t('settings.districtAreas.edit')}
                        <span className="sr-only"> {d.name}</span>
                      </Button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </LoadingGate>
    </section>
  );
}

function EditForm({ district, onCancel, onSaved }: { district: District; onCancel: () => void; onSaved: () => void }) {
  const first = district.areas[0] ?? '';
  const [code, setCode] = useState(district.code);
  const [bydel, setBydel] = useState(first ? bydelOfArea(first) : '');
  const [part, setPart] = useState(first.includes('/') ? (first.split('/')[1] as string) : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const partCode = asciiSlug(part);
    const areas = bydel ? [partCode ? `${bydel}/${partCode}` : bydel] : [];
    setBusy(true);
    const r = await api['districts.save']({ id: district.id, name: district.name, active: district.active, sortOrder: district.sortOrder, code: code.trim(), areas });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.fields?.code && !r.error.message.includes('Koden') ? t('settings.districtAreas.codeInvalid') : r.error.message);
      return;
    }
    onSaved();
  };
  const options = [{ value: '', label: t('settings.districtAreas.noBydel') }, ...CITY_BYDELE.map((b) => ({ value: b.code, label: b.name }))];
  return (
    <form onSubmit={(e) => void submit(e)} className="district-areas-form" aria-label={t('settings.districtAreas.formLabel', { name: district.name })}>
      <TextField id={`district-code-${district.id}`} label={t('settings.districtAreas.code')} hint={t('settings.districtAreas.codeHint')} value={code} onChange={setCode} maxLength={60} width="m" />
      <Select id={`district-bydel-${district.id}`} label={t('settings.districtAreas.bydel')} value={bydel} options={options} onChange={setBydel} />
      {bydel ? (
        <TextField id={`district-part-${district.id}`} label={t('settings.districtAreas.partLabel')} hint={t('settings.districtAreas.partHint')} value={part} onChange={setPart} maxLength={60} width="m" />
      ) : null}
      {error ? (
        <Alert variant="error" live="alert" heading={t('settings.registers.saveFailed')}>
          <p>{error}</p>
        </Alert>
      ) : null}
      <div className="report-buttons">
        <Button type="submit" busy={busy} busyLabel={t('settings.districtAreas.saving')}>
          {t('settings.districtAreas.save')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('settings.districtAreas.cancel')}
        </Button>
      </div>
    </form>
  );
}
