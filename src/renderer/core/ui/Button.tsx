import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'warning';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: ButtonVariant;
  icon?: IconName;
  /** Shows `busyLabel` and ignores clicks, without disabling (focus stays on the button). */
  busy?: boolean;
  busyLabel?: string;
  className?: string;
  children: ReactNode;
}

/** dkfds button: `.button.button-primary` etc. Defaults to type="button"; pass type="submit" in forms. */
export function Button({ variant = 'primary', icon, busy = false, busyLabel, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || rest['aria-disabled'] ? true : undefined}
      onClick={(e) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    >
      {icon ? <Icon name={icon} /> : null}
      <span>{busy && busyLabel ? busyLabel : children}</span>
    </button>
  );
}
