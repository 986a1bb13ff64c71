import { useEffect, useState } from 'react';
import { signOutClerk } from '../features/auth/sign-out-clerk';
import { useAppUpdate } from '../sw/use-app-update';
import { InitialPullScreen } from '../till/initial-pull-screen';
import { PairScreen } from '../till/pair-screen';
import { SellScreen } from '../till/sell-screen';
import { ShiftGate } from '../till/shift-gate';
import { SignInScreen } from '../till/sign-in-screen';
import { StatusBar } from '../till/status-bar';
import { useTillServices } from './services-context';
import { useTillPhase } from './use-till-phase';

/** Picks the screen for where the till is: pairing, first pull, sign-in or selling. */
export function TillShell() {
  const { db, hq, sync } = useTillServices();
  const phase = useTillPhase();
  const update = useAppUpdate();
  const [repairing, setRepairing] = useState(false);
  const syncing = phase.kind === 'signed-out' || phase.kind === 'selling';

  useEffect(() => {
    if (syncing) sync.start();
  }, [syncing, sync]);

  if (phase.kind === 'loading') return null;
  if (phase.kind === 'unpaired' || repairing) {
    return <PairScreen onPaired={() => setRepairing(false)} onCancel={repairing ? () => setRepairing(false) : undefined} />;
  }
  if (phase.kind === 'initial-pull') return <InitialPullScreen />;
  const session = phase.kind === 'selling' ? phase.session : null;
  return (
    <div className="till">
      <StatusBar pairing={phase.pairing} session={session} onSignOut={() => void signOutClerk({ db, hq })} onRepair={() => setRepairing(true)} update={update} />
      <div className="till-main">
        {phase.kind === 'selling' ? (
          <ShiftGate key={phase.session.signedInAt} pairing={phase.pairing} session={phase.session}>
            <SellScreen pairing={phase.pairing} session={phase.session} />
          </ShiftGate>
        ) : (
          <SignInScreen />
        )}
      </div>
    </div>
  );
}
