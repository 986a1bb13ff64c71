import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTillServices } from '../app/services-context';
import { mayInstallUpdate, whyUpdateWaits, type UpdateWait } from './install-decision';
import { checkForUpdate, installUpdate, subscribeToUpdate, updateState } from './register-sw';
import { currentTillActivity, noteTillActivity } from './till-activity';

/** How often a waiting version looks again whether the till has become free. */
const DECIDE_EVERY_MS = 1_000;

/**
 * A new version of the till, downloaded in the background, installs by itself at the first
 * moment no sale is in progress and the till has been left alone a few seconds; the cashier
 * may also install it by hand whenever nothing is in progress. HQ answering again after an
 * outage, or refusing this version, is a moment to look for one.
 */
export function useAppUpdate() {
  const { now, sync } = useTillServices();
  const state = useSyncExternalStore(subscribeToUpdate, updateState);
  const connection = useSyncExternalStore(sync.subscribe, () => sync.getStatus().connection);
  const versionRefused = useSyncExternalStore(sync.subscribe, () => sync.getStatus().versionRefused);
  const [wait, setWait] = useState<UpdateWait | null>(null);
  const [byHandAllowed, setByHandAllowed] = useState(false);
  const pressed = useRef(false);
  const hqWasAway = useRef(false);

  useEffect(() => {
    const note = () => noteTillActivity(now().getTime());
    window.addEventListener('keydown', note, true);
    window.addEventListener('pointerdown', note, true);
    return () => {
      window.removeEventListener('keydown', note, true);
      window.removeEventListener('pointerdown', note, true);
    };
  }, [now]);

  useEffect(() => {
    if (connection === 'offline') hqWasAway.current = true;
    if (connection !== 'online' || !hqWasAway.current) return;
    hqWasAway.current = false;
    void checkForUpdate();
  }, [connection]);

  // HQ no longer takes this version: look for the new one now rather than at the next periodic check.
  useEffect(() => {
    if (versionRefused) void checkForUpdate();
  }, [versionRefused]);

  const decide = useCallback(() => {
    const till = currentTillActivity();
    const at = now().getTime();
    const reason = whyUpdateWaits(till, at, pressed.current);
    // A sale started before the new version took over: once it is done, the till waits to be quiet again.
    if (reason !== null) pressed.current = false;
    setWait(reason);
    setByHandAllowed(mayInstallUpdate(till, at, true));
    if (reason === null) installUpdate();
  }, [now]);

  useEffect(() => {
    if (state === 'none') return;
    decide();
    const timer = setInterval(decide, DECIDE_EVERY_MS);
    return () => clearInterval(timer);
  }, [state, decide]);

  return {
    /** A new version is downloaded and waits for the till to be free. */
    pending: state !== 'none',
    /** What it waits for now. */
    wait,
    /** Nothing is in progress: the cashier may install it now. */
    byHandAllowed: state !== 'none' && byHandAllowed,
    installByHand: () => {
      if (!mayInstallUpdate(currentTillActivity(), now().getTime(), true)) return;
      pressed.current = true;
      decide();
    },
  };
}

export type AppUpdate = ReturnType<typeof useAppUpdate>;
