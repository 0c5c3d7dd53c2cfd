/**
 * The deck settings form. Each field is labelled, explained, and checked as it is edited
 * (messages from validateDeckSettings); saving re-checks everything and moves focus to the
 * first field that needs fixing. Changing desired retention shows its estimated effect on
 * the daily workload before anything is saved.
 */
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import type { DeckInfo } from '../../db/browse-reads.ts';
import { saveDeckSettings } from '../../db/deck-settings-writes.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { DEFAULT_DECK_SETTINGS } from '../../domain/settings/deck-settings.ts';
import { SettingsField } from './settings-field.tsx';
import { readDraft, toDraft, type DraftField, type SettingsDraft } from './settings-draft.ts';
import { HOURS, TEXT_FIELDS, type TextField } from './field-texts.ts';
import { useWorkloadEstimate } from './use-workload-estimate.ts';
import { WorkloadNote } from './workload-note.tsx';

export function DeckSettingsForm({ deck }: { deck: DeckInfo }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(deck.settings));
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const { settings, problems } = readDraft(draft, deck.settings);
  const estimate = useWorkloadEstimate(deck.id, deck.settings, settings.desiredRetention, settings.newPerDay);
  const errorOf = (field: DraftField) =>
    submitted || touched.has(field) ? problems.find((problem) => problem.field === field)?.message : undefined;
  const fieldId = (field: DraftField) => `deck-setting-${field}`;

  const edit = <K extends DraftField>(field: K, value: SettingsDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
    setStatus('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = problems[0];
    if (first) {
      document.getElementById(fieldId(first.field as DraftField))?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      await saveDeckSettings(deck.id, settings, new Date());
      setStatus('Settings saved.');
    } catch (error) {
      setSaveError(`The settings were not saved. ${describeStorageError(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const textField = (field: TextField) => {
    const spec = TEXT_FIELDS[field];
    return (
      <SettingsField key={field} id={fieldId(field)} label={spec.label} help={spec.help} error={errorOf(field)}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode={spec.inputMode}
            autoComplete="off"
            spellCheck={false}
            value={draft[field]}
            onChange={(event) => edit(field, event.target.value)}
          />
        )}
      </SettingsField>
    );
  };

  return (
    <form className="deck-settings-form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>Memory</legend>
        {textField('desiredRetention')}
        <WorkloadNote estimate={estimate} saved={deck.settings.desiredRetention} proposed={settings.desiredRetention} />
        {textField('maximumIntervalDays')}
      </fieldset>
      <fieldset>
        <legend>Daily limits</legend>
        {textField('newPerDay')}
        {textField('reviewsPerDay')}
      </fieldset>
      <fieldset>
        <legend>Steps</legend>
        {textField('learningSteps')}
        {textField('relearningSteps')}
      </fieldset>
      <fieldset>
        <legend>Days, siblings and leeches</legend>
        <SettingsField
          id={fieldId('dayStartHour')}
          label="Next day starts at"
          help="Answers given after midnight count towards the day before until this hour."
          error={errorOf('dayStartHour')}
        >
          {(control) => (
            <select {...control} value={draft.dayStartHour} onChange={(event) => edit('dayStartHour', event.target.value)}>
              {HOURS.map((hour) => (
                <option key={hour} value={String(hour)}>
                  {String(hour).padStart(2, '0')}:00
                </option>
              ))}
            </select>
          )}
        </SettingsField>
        <div className="settings-field check-field">
          <input
            id={fieldId('burySiblings')}
            type="checkbox"
            checked={draft.burySiblings}
            aria-describedby={`${fieldId('burySiblings')}-help`}
            onChange={(event) => edit('burySiblings', event.target.checked)}
          />
          <label htmlFor={fieldId('burySiblings')}>Bury siblings</label>
          <p id={`${fieldId('burySiblings')}-help`} className="help muted small">
            Once you answer a card, hold back other cards made from the same note until the next day.
          </p>
        </div>
        {textField('leechThreshold')}
      </fieldset>
      {submitted && problems.length > 0 && (
        <p className="field-error" role="alert">
          {problems.length === 1 ? 'One setting needs fixing' : `${problems.length} settings need fixing`} before saving.
        </p>
      )}
      {saveError && <ErrorBanner message={saveError} onDismiss={() => setSaveError(null)} />}
      <div className="row">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(toDraft(DEFAULT_DECK_SETTINGS));
            setStatus('Defaults restored in the form. Save to keep them.');
          }}
        >
          Restore defaults
        </button>
        <p role="status" className="small">
          {status}
        </p>
      </div>
    </form>
  );
}
