import type { RouteOf } from '../core/shell/routes';
import { IdentityScreen } from './IdentityScreen';
import { ReceiptScreen } from './ReceiptScreen';
import { ReceiveScreen } from './ReceiveScreen';
import { SendScreen } from './SendScreen';
import './handover.css';

/** Overdragelse: this vault's fingerprint and colleagues, handing a young person over, receiving, receipts. */
export function HandoverArea({ route }: { route: RouteOf<'handover'> }) {
  switch (route.screen) {
    case 'index':
      return <IdentityScreen />;
    case 'send':
      return <SendScreen key={route.person?.personId ?? 0} person={route.person} />;
    case 'receive':
      return <ReceiveScreen />;
    case 'receipt':
      return <ReceiptScreen />;
  }
}

export * from './i18n';
export type { HandoverScreen } from './routes';
