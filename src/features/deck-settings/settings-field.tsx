/**
 * One labelled settings field with its help text and, when there is one, its problem:
 * the input is described by both, and marked invalid, so a screen reader reads all three.
 */
import type { ReactNode } from 'react';

export interface SettingsFieldProps {
  id: string;
  label: string;
  help: ReactNode;
  error: string | undefined;
  /** Renders the control with the attributes that tie it to the label, help and error. */
  children: (control: { id: string; 'aria-describedby': string; 'aria-invalid': boolean }) => ReactNode;
}

export function SettingsField({ id, label, help, error, children }: SettingsFieldProps) {
  const described = error ? `${id}-help ${id}-error` : `${id}-help`;
  return (
    <div className={error ? 'settings-field invalid' : 'settings-field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error !== undefined })}
      <p id={`${id}-help`} className="help muted small">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error small">
          {error}
        </p>
      )}
    </div>
  );
}
