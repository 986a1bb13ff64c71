import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Loads the back office on demand, so the till's bundle and styles stay as they are. */
export async function mountOffice(root: HTMLElement): Promise<void> {
  const { OfficeApp } = await import('./office-app');
  createRoot(root).render(
    <StrictMode>
      <OfficeApp />
    </StrictMode>,
  );
}
