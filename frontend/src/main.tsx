import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';

const root = createRoot(document.getElementById('root')!);

async function start() {
  try {
    const config = await loadConfig();
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  } catch {
    // Without the configuration there is nowhere to log in; say so plainly.
    root.render(
      <main className="app-main">
        <h1>Varsel er ikke tilgjengelig</h1>
        <p>Kunne ikke hente oppsettet fra serveren. Last siden på nytt om litt, eller kontakt brukerstøtte.</p>
      </main>,
    );
  }
}

void start();
