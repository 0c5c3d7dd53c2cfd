/** "Retain 0.1.0+42": which build is running, for the settings screen (and bug reports). */
import { APP_VERSION } from './app-version.ts';

export function VersionLabel() {
  return <p className="muted small app-version">Retain {APP_VERSION}</p>;
}
