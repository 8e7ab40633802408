import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { preventStrayDrops } from './drop-guard';
import { connectMainEvents } from './queries/main-events';
import { createQueryClient } from './query-client';
import { applyTheme } from './theme/theme';

preventStrayDrops(window);
// The person's theme choice before the first paint (none: the OS decides).
applyTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const queryClient = createQueryClient();
// Outside Ouro Desktop there is no bridge; ouro.ts says so on the first call.
if (typeof window.ouro !== 'undefined') connectMainEvents(queryClient, window.ouro);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
