/**
 * With no bridge, a keyboard-wedge scanner types. Keys that arrive faster than a person types
 * and end with Enter are taken as one scan; anything slower is left to the focused field.
 */
export function listenForWedgeScans(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, onScan: (code: string) => void, maxGapMs = 35): () => void {
  let buffer = '';
  let last = 0;
  const onKey = (event: KeyboardEvent) => {
    const gap = event.timeStamp - last;
    last = event.timeStamp;
    if (gap > maxGapMs) buffer = '';
    if (event.key === 'Enter') {
      if (buffer.length >= 4) {
        event.preventDefault();
        onScan(buffer);
      }
      buffer = '';
    } else if (event.key.length === 1) {
      buffer += event.key;
    }
  };
  target.addEventListener('keydown', onKey as EventListener, true);
  return () => target.removeEventListener('keydown', onKey as EventListener, true);
}
