import { useMemo, useState } from 'react';
import type { FoundMember, ManualDiscount, SaleApproval } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { memberContextOf } from '../members/member-context';
import { overrideDiscount } from '../permissions/price-override';
import { spentVoucher, type SpentVoucher } from './check-voucher';
import type { Ticket } from './ticket';
import type { useBasket } from './use-basket';
import type { OpenTicket } from './use-open-ticket';
import type { TillCustomer } from './use-priced-basket';

/** The prices a line set by hand stands for, as the engine's manual discounts, for the lines as they are now. */
function overrideDiscounts(ticket: Ticket): ManualDiscount[] {
  return ticket.overrides.flatMap((o) => {
    const line = ticket.basket.lines.find((l) => l.id === o.lineId);
    return line ? [overrideDiscount(o, line)] : [];
  });
}

/**
 * Who the open ticket is priced for and what was given on it: the member (every line priced
 * again for their level), voucher codes (checked with HQ when it answers), the cashier's
 * discounts and the prices set by hand.
 */
export function useTicketCustomer(open: OpenTicket, ticket: Ticket, basket: ReturnType<typeof useBasket>) {
  const services = useTillServices();
  const [spent, setSpent] = useState<SpentVoucher | null>(null);
  const customer = useMemo<TillCustomer>(
    () => ({
      member: ticket.member ? memberContextOf(ticket.member) : null,
      vouchers: ticket.vouchers,
      manualDiscounts: [...ticket.manualDiscounts, ...overrideDiscounts(ticket)],
    }),
    [ticket.member, ticket.vouchers, ticket.manualDiscounts, ticket.overrides, ticket.basket.lines],
  );

  return {
    customer,
    member: ticket.member,
    vouchers: ticket.vouchers,
    manualDiscounts: ticket.manualDiscounts,
    spentVoucher: spent,
    chooseMember: (found: FoundMember) => {
      open.dispatch({ type: 'member_set', member: found });
      void basket.priceFor(found.level.id);
    },
    clearMember: () => {
      open.dispatch({ type: 'member_set', member: null });
      void basket.priceFor(null);
    },
    /** A code presented again is ignored (the engine would refuse it as a duplicate); one HQ says was spent is refused. */
    addVoucher: async (code: string) => {
      setSpent(null);
      const found = await spentVoucher(services, code);
      if (found) return setSpent(found);
      open.dispatch({ type: 'voucher_added', code });
    },
    removeVoucher: (code: string) => open.dispatch({ type: 'voucher_removed', code }),
    addManualDiscount: (discount: ManualDiscount, approval: SaleApproval | null) => open.dispatch({ type: 'discount_given', discount, approval }),
    removeManualDiscount: (discountId: string) => open.dispatch({ type: 'discount_removed', discountId }),
  };
}
