import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from '../stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: HQ's bundle, a package, Node itself, or V8's own bookkeeping. */
function placeOf({ url, functionName }: ProfileNode['callFrame']): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  if (url.includes('hq-server/dist/')) return 'hq (bundle: HQ and shared code)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  return pkg ?? url;
}

/**
 * The self time of a process's V8 CPU profiles (`node --cpu-prof`), by where the code lives and
 * by function, in percent of the samples that were not idle: where an HQ process spends its CPU.
 */
export function summariseCpuProfiles(dir: string, top = 25) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  /** Native code (socket writes, GC excepted) by the first two frames outside Node's own code above it: who asked for it. */
  const nativeByCaller = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id] as const)));
    const callerOf = (id: number): string => {
      const chain: string[] = [];
      for (let at = parents.get(id), depth = 0; at !== undefined && chain.length < 2 && depth < 40; at = parents.get(at), depth++) {
        const frame = nodes.get(at)!.callFrame;
        const place = placeOf(frame);
        if (frame.url !== '' && place !== 'node') chain.push(`${frame.functionName || '(anonymous)'} ${place}`);
      }
      return chain.join(' < ') || '(node only)';
    };
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)?.callFrame;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!frame || frame.functionName === '(idle)') return void (idle += ms);
      busy += ms;
      const place = placeOf(frame);
      byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
      const name = `${frame.functionName || '(anonymous)'} ${place === 'node' || place.startsWith('hq') ? frame.url.replace(/^.*\/(hq-server\/dist\/)/, '$1') : place}:${frame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      if (place === '(native)') {
        const key = `${frame.functionName} < ${callerOf(id)}`;
        nativeByCaller.set(key, (nativeByCaller.get(key) ?? 0) + ms);
      }
    });
  }
  const share = (entries: Map<string, number>, count: number) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, percent: round((100 * ms) / Math.max(1, busy), 1) }));
  return { profiles: files.length, busySeconds: round(busy / 1000, 1), idleSeconds: round(idle / 1000, 1), byPlace: share(byPlace, 15), byFunction: share(byFunction, top), nativeByCaller: share(nativeByCaller, 12) };
}
