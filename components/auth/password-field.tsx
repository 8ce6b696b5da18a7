'use client';

import { useState } from 'react';
import type { PasswordPolicy } from '@/lib/auth/password-policy';
import { Button } from '../ui/button';
import { PasswordRules } from './password-rules';
import { TextField, type TextFieldProps } from './text-field';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'addon' | 'hint'> & {
  /** A new password: the pool's rules are listed under it and ticked off while typing. */
  policy?: PasswordPolicy;
};

/** A password input with a show/hide toggle (a button, so it is reachable by keyboard). */
export function PasswordField({ policy, onChange, ...props }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState('');
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      onChange={(event) => {
        setValue(event.target.value);
        onChange?.(event);
      }}
      hint={policy && <PasswordRules policy={policy} password={value || undefined} />}
      addon={
        <Button
          variant="secondary"
          size="sm"
          aria-pressed={visible}
          aria-label={
            visible ? `Hide ${props.label.toLowerCase()}` : `Show ${props.label.toLowerCase()}`
          }
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? 'Hide' : 'Show'}
        </Button>
      }
    />
  );
}
