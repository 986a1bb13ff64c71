import { maskPhone } from '../members/mask-phone';

export type SendOutcome = { ok: true; ref: string | null } | { ok: false; error: string; retry: boolean };

/**
 * Where messages to members go: a chain plugs its SMS gateway in behind this. `retry: false`
 * says the gateway refused the message for good (an invalid number), so it is not tried again.
 */
export interface MessageProvider {
  readonly name: string;
  send(message: { to: string; text: string }): Promise<SendOutcome>;
}

/** The default provider: writes each message to the log (the number masked) and calls it sent. */
export function logMessageProvider(log: (line: string) => void = console.log): MessageProvider {
  return {
    name: 'log',
    send: async ({ to, text }) => {
      log(`[hq] message to ${maskPhone(to)}: ${text}`);
      return { ok: true, ref: null };
    },
  };
}
