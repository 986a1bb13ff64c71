import { useEffect, useState } from 'react';
import { parseOfficeRoute, type OfficeRoute } from './office-route';

/** The office page the address bar points at; links are plain `#/office/…` anchors. */
export function useOfficeRoute(): OfficeRoute {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseOfficeRoute(hash);
}
