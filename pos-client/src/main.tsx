import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TillApp } from './app/till-app';
import { createTillServices } from './app/till-services';
import { registerServiceWorker } from './sw/register-sw';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <TillApp services={createTillServices()} />
  </StrictMode>,
);
