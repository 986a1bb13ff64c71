import type { DecodedEvent } from './decode-escpos';

/** What a decoded receipt looks like on paper, as plain text for a terminal or a page. */
export function renderDecoded(events: readonly DecodedEvent[]): string[] {
  return events.flatMap((event): string[] => {
    switch (event.kind) {
      case 'line':
        return [event.text];
      case 'feed':
        return Array.from({ length: event.lines }, () => '');
      case 'cut':
        return [event.partial ? '- - - - partial cut - - - -' : '-------- cut --------'];
      case 'drawer':
        return [`[drawer kick, pin ${event.pin}]`];
      case 'image':
        return [`[image ${event.width}x${event.height}]`];
      case 'barcode':
        return [`[${event.symbology} ${event.data}]`];
      default:
        return [];
    }
  });
}
