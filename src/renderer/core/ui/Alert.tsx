import type { ReactNode, Ref } from 'react';
import { Icon } from './Icon';
import { t } from '../i18n';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  variant: AlertVariant;
  heading?: ReactNode;
  children?: ReactNode;
  /** 'alert' announces at once (errors after an action); 'status' politely; none for static text. */
  live?: 'alert' | 'status';
  id?: string;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}

/** dkfds alert: `.alert.alert-<variant>` with its icon, `.alert-heading` and `.alert-text`. Focusable by script (tabIndex -1). */
export function Alert({ variant, heading, children, live, id, className, ref }: AlertProps) {
  return (
    <div ref={ref} id={id} className={['alert', `alert-${variant}`, className].filter(Boolean).join(' ')} role={live} tabIndex={-1}>
      <Icon name={variant} className="alert-icon" label={t(`alert.${variant}`)} />
      {heading ? <p className="alert-heading">{heading}</p> : null}
      {children ? <div className="alert-text">{children}</div> : null}
    </div>
  );
}
