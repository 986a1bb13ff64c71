/** How an offline stored-value payment settles against an account: what its balance covers, and the shortfall owed as a receivable. */
export interface OfflineSplit {
  coveredMinor: number;
  shortfallMinor: number;
}

/** Splits an offline payment by the account's balance when the sale reaches HQ: covered up to the balance, the rest short. */
export function splitOfflineDebit(amountMinor: number, balanceMinor: number): OfflineSplit {
  const coveredMinor = Math.max(0, Math.min(amountMinor, balanceMinor));
  return { coveredMinor, shortfallMinor: amountMinor - coveredMinor };
}
