import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'link';

const variantClass: Record<ButtonVariant, string> = {
  primary: 'primary',
  secondary: 'secondary',
  danger: 'danger',
  'danger-outline': 'danger-outline',
  link: 'link',
};

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant: ButtonVariant; busy?: boolean };

/**
 * The one button. `type` defaults to "button": a button submits a form only when it says so, so
 * adding a button inside a form can never send it by accident. `busy` disables it and tells
 * assistive technology why.
 */
export function Button({ variant, busy = false, className, type = 'button', disabled, ...rest }: ButtonProps) {
  const classes = className ? `${variantClass[variant]} ${className}` : variantClass[variant];
  return <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} />;
}
