import { Input } from 'antd';
import type { KeyboardEvent } from 'react';
import { keyComboOf } from '@pos/shared';

interface KeyCaptureInputProps {
  id: string;
  value: string;
  label: string;
  placeholder: string;
  invalid: boolean;
  describedBy?: string;
  onCapture: (combo: string) => void;
}

/**
 * A field that takes the key pressed in it (F12, Alt+H…) rather than text. Tab and Shift+Tab still
 * move on, so the table can be walked with the keyboard; any other key is captured, and one the
 * till cannot use is shown with its problem rather than refused silently.
 */
export function KeyCaptureInput({ id, value, label, placeholder, invalid, describedBy, onCapture }: KeyCaptureInputProps) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const combo = keyComboOf(event);
    if (combo === null || combo === 'Tab' || combo === 'Shift+Tab') return;
    event.preventDefault();
    onCapture(combo);
  }
  return (
    <Input
      id={id}
      className="office-key-capture"
      value={value}
      readOnly
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      status={invalid ? 'error' : undefined}
      onKeyDown={onKeyDown}
      data-testid={id}
    />
  );
}
