import type { FocusEvent } from 'react';
import { minor, type PairedDevice } from '@pos/shared';
import type { ClerkSignIn } from '../db/till-db';
import { useOpenTicket } from '../features/sales/use-open-ticket';
import { useSellScreen } from '../features/sales/use-sell-screen';
import type { Ticket } from '../features/sales/ticket';
import { ApprovalDialog } from './approval-dialog';
import { useI18n } from '../i18n/i18n-context';
import { BasketTable } from './basket-table';
import { CardDialog } from './card-dialog';
import { CashPanel } from './cash-panel';
import { ClerkDialog } from './clerk-dialog';
import { ClerkStrip } from './clerk-strip';
import { HeldTicketsDialog } from './held-tickets-dialog';
import { PaymentList } from './payment-list';
import './payments.css';
import './small-screen.css';
import { LastSaleSummary } from './last-sale-summary';
import { DiscountDialog } from './discount-dialog';
import { MemberDialog } from './member-dialog';
import { MemberStrip } from './member-strip';
import { MemberCardDialog } from './member-card-dialog';
import { MemberTenderDialog } from './member-tender-dialog';
import { PriceDialog } from './price-dialog';
import { ProductSearchDialog } from './product-search-dialog';
import { VoucherDialog } from './voucher-dialog';
import { ReceiptLine } from './receipt-line';
import { ReceiptPreview } from './receipt-preview';
import { ReturnScreen } from './return-screen';
import { SellNoticeLine } from './sell-notice-line';
import { KeyLabel } from './key-label';
import { SellKeysHint } from './sell-keys-hint';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** A keyboard-wedge scanner types into whatever has focus, so the scan field takes it back unless the cashier chose another field. */
function reclaimFocus(event: FocusEvent<HTMLInputElement>): void {
  const input = event.currentTarget;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active instanceof HTMLInputElement || active?.closest('dialog')) return;
    input.focus();
  });
}

/** The sell screen once the clerk's open ticket is restored from the till's database (a few milliseconds). */
export function SellScreen({ pairing, session }: { pairing: PairedDevice; session: ClerkSignIn }) {
  const open = useOpenTicket(session.clerkId);
  return open.ticket ? <OpenSellScreen pairing={pairing} session={session} open={open} ticket={open.ticket} /> : null;
}

function OpenSellScreen({ pairing, session, open, ticket }: { pairing: PairedDevice; session: ClerkSignIn; open: ReturnType<typeof useOpenTicket>; ticket: Ticket }) {
  const { t, pickName } = useI18n();
  const sell = useSellScreen(pairing, session, open, ticket);
  const hasLines = sell.basket.lines.length > 0;
  const selected = sell.basket.lines.find((line) => line.id === sell.basket.selectedId);
  const selectedNet = selected && sell.pricing.lines.get(selected.id)?.netMinor;
  // Once something is paid, the cash rounding applies only to what cash settles: the total shows unrounded, the remainder rounded.
  const paying = sell.tender.settlement.paidMinor > 0;
  return (
    <main className="sell">
      <section className="sell-left">
        <div className="scan-row">
          <label className="field">
            <span>{t('sell.scanLabel')}</span>
            <input
              ref={sell.scanRef}
              className="input scan-input num"
              placeholder={t('sell.scanPlaceholder')}
              onKeyDown={sell.onScanKeyDown}
              onBlur={reclaimFocus}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              data-testid="scan-input"
            />
          </label>
          <ClerkStrip clerk={sell.clerks.defaultClerk} onChange={() => sell.openDialog('clerk')} />
        </div>
        <SellNoticeLine notice={sell.notice} currency={sell.currency} />
        {!hasLines && sell.receipts.onScreen ? (
          <ReceiptPreview model={sell.receipts.onScreen.model} receiptNo={sell.receipts.onScreen.receiptNo} />
        ) : (
          <BasketTable
            basket={sell.basket} currency={sell.currency} pricing={sell.pricing.lines} gifts={sell.pricing.gifts} onSelect={sell.select} describeClerks={sell.clerks.describe}
          />
        )}
        <div className="line-keys">
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.adjustSelected(1)} disabled={!hasLines} data-testid="qty-up">
            {t('sell.qtyUp')} <span className="key">+</span>
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.adjustSelected(-1)} disabled={!hasLines} data-testid="qty-down">
            {t('sell.qtyDown')} <span className="key">−</span>
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={sell.keys.voidLine} disabled={!hasLines} data-testid="line-remove">
            {t('sell.remove')} <span className="key">Del</span>
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.openSearch('')} data-testid="search-open">
            {t('sell.search')} <KeyLabel action="search" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.openDialog('discount')} disabled={!hasLines} data-testid="discount-open">
            {t('sell.discount')} <KeyLabel action="discount" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.openDialog('voucher')} disabled={!hasLines} data-testid="voucher-open">
            {t('sell.voucher')} <KeyLabel action="voucher" />
          </button>
        </div>
        <div className="line-keys">
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => sell.openDialog('price')} disabled={!selected} data-testid="price-open">
            {t('sell.price')} <KeyLabel action="price_override" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={sell.keys.voidTicket} disabled={!hasLines} data-testid="void-ticket">
            {t('sell.voidTicket')} <span className="key">Shift+Del</span>
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => void sell.keys.noSale()} data-testid="no-sale">
            {t('sell.noSale')} <KeyLabel action="no_sale" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => void sell.held.hold()} disabled={!hasLines} data-testid="hold-ticket">
            {t('sell.hold')} <KeyLabel action="hold" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={sell.held.openList} data-testid="held-open">
            {t('sell.recall')}
            {sell.held.held.length > 0 && <span className="count num" data-testid="held-count">{sell.held.held.length}</span>} <KeyLabel action="recall" />
          </button>
          <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => void sell.keys.refund()} data-testid="refund">
            {t('sell.refund')} <KeyLabel action="refund" />
          </button>
        </div>
        {sell.lastSale && <LastSaleSummary sale={sell.lastSale} currency={sell.currency} />}
        <ReceiptLine print={sell.receipts.last} onReprint={() => void sell.keys.reprint()} />
        <SellKeysHint />
      </section>
      <aside className="sell-right">
        <MemberStrip member={sell.member} onLookUp={() => sell.openDialog('member')} onClear={sell.clearMember} onCardDesk={() => sell.openDialog('member_card')} />
        <CashPanel
          total={paying ? sell.tender.settlement.totalMinor : (sell.pricing.priced?.payableMinor ?? sell.tender.settlement.totalMinor)}
          roundingMinor={paying ? 0 : (sell.pricing.priced?.roundingMinor ?? 0)}
          savingMinor={sell.savingMinor}
          itemCount={sell.itemCount}
          currency={sell.currency}
          cashDueMinor={sell.tender.settlement.cashDueMinor}
          lastSale={sell.changeDue}
          cash={sell.tender.cash}
          tenderedRef={sell.tenderedRef}
          onTenderedKeyDown={sell.onTenderedKeyDown}
        />
        <PaymentList
          payments={sell.tender.payments}
          settlement={sell.tender.settlement}
          currency={sell.currency}
          removing={sell.tender.removing}
          onRemove={sell.removePayment}
          onConfirmRemove={sell.tender.confirmRemove}
          onKeep={sell.tender.keepPayment}
          onChoose={sell.chooseTender}
          disabled={!hasLines}
        />
        <button
          type="button"
          className="button button-primary complete"
          tabIndex={-1}
          onMouseDown={keepFocus}
          onClick={sell.complete}
          disabled={!hasLines || sell.completing || sell.tender.cash.invalid}
          data-testid="complete-button"
        >
          {sell.completing ? t('sell.completing') : t('sell.complete')} <KeyLabel action="complete" />
        </button>
      </aside>
      <ClerkDialog
        open={sell.dialog === 'clerk'}
        storeId={pairing.store.id}
        clerks={sell.clerks.clerks}
        defaultClerk={sell.clerks.defaultClerk}
        line={selected ? { id: selected.id, nameZh: selected.nameZh, nameEn: selected.nameEn, shares: selected.clerkShares ?? [] } : null}
        describe={sell.clerks.describe}
        onSetDefault={sell.setDefaultClerk}
        onSetLine={sell.setLineClerks}
        onClose={() => sell.closeDialog('clerk')}
      />
      <MemberDialog open={sell.dialog === 'member'} onChoose={sell.chooseMember} onClose={() => sell.closeDialog('member')} />
      <DiscountDialog
        open={sell.dialog === 'discount'}
        line={selected && selectedNet !== undefined ? { id: selected.id, nameZh: selected.nameZh, nameEn: selected.nameEn, netMinor: selectedNet } : null}
        ticketMinor={sell.pricing.priced?.totalMinor ?? minor(0)}
        currency={sell.currency}
        clerk={{ id: session.clerkId }}
        permissions={sell.permissions}
        gate={sell.gate}
        applied={sell.manualDiscounts.map((discount) => {
          const on = sell.basket.lines.find((l) => l.id === discount.lineId);
          return { discount, on: on ? pickName(on) : t('discount.onTicket') };
        })}
        onRemove={sell.removeManualDiscount}
        onApply={sell.addManualDiscount}
        onClose={() => sell.closeDialog('discount')}
      />
      <PriceDialog
        open={sell.dialog === 'price'}
        line={selected ? { id: selected.id, nameZh: selected.nameZh, nameEn: selected.nameEn, unitPriceMinor: selected.unitPriceMinor } : null}
        currency={sell.currency}
        onSet={sell.setPrice}
        onClose={() => sell.closeDialog('price')}
      />
      {sell.keys.returnScreen && <ReturnScreen pairing={pairing} gate={sell.gate} openedWith={sell.keys.returnScreen.approval} onClose={sell.keys.closeReturnScreen} />}
      <ApprovalDialog gate={sell.gate} asking={sell.asking} />
      <CardDialog
        open={sell.tender.cardOpen}
        remainingMinor={sell.tender.settlement.remainingMinor}
        currency={sell.currency}
        onApproved={sell.approveCard}
        onDeclined={sell.tender.declineCard}
        onClose={sell.tender.closeCard}
      />
      <MemberTenderDialog
        tender={sell.memberPay.dialog}
        cardNo={sell.memberPay.cardNo}
        onCardNo={sell.memberPay.setCardNo}
        onEnquire={() => void sell.memberPay.enquire()}
        remainingMinor={sell.tender.settlement.remainingMinor}
        currency={sell.currency}
        holdings={sell.memberPay.holdings}
        busy={sell.memberPay.busy}
        onPayStoredValue={sell.payStoredValue}
        onPayPoints={sell.payPoints}
        onClose={sell.memberPay.close}
      />
      <MemberCardDialog open={sell.dialog === 'member_card'} pairing={pairing} gate={sell.gate} memberCardNo={sell.member?.cardNo ?? null} onClose={() => sell.closeDialog('member_card')} />
      <HeldTicketsDialog open={sell.held.listOpen} held={sell.held.held} currency={sell.currency} onRecall={(id) => void sell.held.recall(id)} onClose={sell.held.closeList} />
      <ProductSearchDialog open={sell.dialog === 'search'} initialText={sell.searchText} onPick={sell.pickSearched} onClose={() => sell.closeDialog('search')} deviceToken={pairing.deviceToken} />
      <VoucherDialog open={sell.dialog === 'voucher'} vouchers={sell.pricing.priced?.vouchers ?? []} currency={sell.currency} spent={sell.spentVoucher} onAdd={(code) => void sell.addVoucher(code)} onRemove={sell.removeVoucher} onClose={() => sell.closeDialog('voucher')} />
    </main>
  );
}
