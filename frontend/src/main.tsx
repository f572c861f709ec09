import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import './styles.css';
import { Heading, VStack } from '@navikt/ds-react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorState } from './components/ErrorState';
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
        <VStack gap="space-24">
          <Heading level="1" size="large">
            Varsel er ikke tilgjengelig
          </Heading>
          <ErrorState
            message="Kunne ikke hente oppsettet fra serveren. Prøv igjen om litt, eller kontakt brukerstøtte."
            onRetry={() => window.location.reload()}
          />
        </VStack>
      </main>,
    );
  }
}

void start();
