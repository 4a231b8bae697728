import type { RouteOf } from '../core/shell/routes';
import { IdentityScreen } from './IdentityScreen';
import './handover.css';

/** Overdragelse: this vault's fingerprint and colleagues, handing a young person over, receiving, receipts. */
export function HandoverArea({ route }: { route: RouteOf<'handover'> }) {
  switch (route.screen) {
    case 'index':
      return <IdentityScreen />;
  }
}

export * from './i18n';
export type { HandoverScreen } from './routes';
