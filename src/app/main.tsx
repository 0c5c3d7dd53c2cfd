import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onUpgradeElsewhere } from '../db/database.ts';
import { App } from './app.tsx';
import { startUp } from './start-up.ts';
import './styles.css';

onUpgradeElsewhere(() => window.location.reload());

// Begun before React renders: the database opens and the first screen's code downloads while
// the first frame is built. A failure is shown by the app frame (use-start-up.ts), not here.
const firstStartUp = startUp();
firstStartUp.catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App startUp={firstStartUp} />
  </StrictMode>,
);
