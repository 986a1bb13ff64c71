import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TillApp } from './app/till-app';
import { createTillServices } from './app/till-services';
import { isOfficeHash } from './features/office-core/office-route';
import { mountOffice } from './office/mount-office';
import { registerServiceWorker } from './sw/register-sw';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const office = isOfficeHash(window.location.hash);
registerServiceWorker({ reloadOnSwap: office });
// The till and the back office are separate apps on one page; crossing between them starts afresh.
window.addEventListener('hashchange', () => {
  if (isOfficeHash(window.location.hash) !== office) window.location.reload();
});
if (office) {
  void mountOffice(root);
} else {
  createRoot(root).render(
    <StrictMode>
      <TillApp services={createTillServices()} />
    </StrictMode>,
  );
}
