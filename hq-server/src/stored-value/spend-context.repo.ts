import type { MembershipSettings, SpendBody } from '@pos/shared';
import { and, eq, exists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { messageSettingsOfChain, noticePlaceColumns, noticePlaceOf, storeOfChain, type NoticePlace } from '../member-messages/money-notices';
import { memberAccounts, memberCards, membershipSettings, storedValueEntries } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { chains, clerks, stores } from '../org/org.tables';
import { sales } from '../sales/sales.tables';
import { memberMessageSettings } from '../member-messages/member-messages.tables';
import { accountOfMember, cardColumns, memberOfCard, type CardRow } from './card-for-money.repo';
import { clerkOfStore } from './entry-origin';
import { membershipSettingsColumns, membershipSettingsOf } from './membership-settings.service';

/** Everything a spend needs to know, as one read before the account is locked. */
export interface SpendContext {
  /** The card, its member and account, as `cardForMoney` would judge them; null for no card of the chain with the number. */
  card: CardRow | null;
  /** A spend with this payment id is in the ledger already: the till is retrying. */
  spentBefore: boolean;
  /** The sale this payment is for has reached HQ, too late to pay for it. */
  saleRecorded: boolean;
  /** The till named no cashier, or a clerk of its store or of the whole chain. */
  cashierKnown: boolean;
  franchiseeId: string | null;
  settings: MembershipSettings;
  notices: NoticePlace;
}

/**
 * Reads, in one round trip, what the spend of `body` at this till depends on: the card, whether
 * the spend was taken before, whether its sale is recorded, the cashier, the store's franchisee,
 * the chain's membership settings and what its notices say.
 */
export async function readSpendContext(db: Db, device: DevicePrincipal, body: SpendBody): Promise<SpendContext> {
  const { chainId } = device;
  const one = sql`1`;
  const [row] = await db
    .select({
      spentBefore: exists(db.select({ one }).from(storedValueEntries).where(and(
        eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.paymentId, body.paymentId), eq(storedValueEntries.kind, 'spend'),
      ))).mapWith(Boolean),
      saleRecorded: exists(db.select({ one }).from(sales).where(and(eq(sales.chainId, chainId), eq(sales.id, body.saleId)))).mapWith(Boolean),
      cashierKnown: (body.cashierId === undefined ? sql`true` : exists(db.select({ one }).from(clerks).where(clerkOfStore(chainId, device.storeId, body.cashierId)))).mapWith(Boolean),
      ...cardColumns,
      franchiseeId: stores.franchiseeId,
      membership: membershipSettingsColumns,
      ...noticePlaceColumns,
    })
    .from(chains)
    .leftJoin(memberCards, and(eq(memberCards.chainId, chains.id), eq(memberCards.cardNo, body.cardNo)))
    .leftJoin(members, memberOfCard)
    .leftJoin(memberAccounts, accountOfMember)
    .leftJoin(stores, storeOfChain(device.storeId))
    .leftJoin(membershipSettings, eq(membershipSettings.chainId, chains.id))
    .leftJoin(memberMessageSettings, messageSettingsOfChain)
    .where(eq(chains.id, chainId));
  if (!row) throw new Error(`chain ${chainId} does not exist`);
  const { card, member, account, spentBefore, saleRecorded, cashierKnown, franchiseeId, membership } = row;
  return {
    card: card && member && account && { card, member, account },
    spentBefore, saleRecorded, cashierKnown, franchiseeId, settings: membershipSettingsOf(membership), notices: noticePlaceOf(row),
  };
}
