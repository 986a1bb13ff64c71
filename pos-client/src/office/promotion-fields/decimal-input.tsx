import { Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';
import { useFieldIds } from './field-problem';

interface Props {
  value: number;
  onChange: (value: Minor) => void;
  /** Decimal places the integer value carries: 2 for money in fen and for percent in basis points, 4 for a multiplier in basis points. */
  exponent?: number;
  suffix?: string;
  trimZeros?: boolean;
  /** The input's own name, when it is one of several in a field (a tier's threshold). */
  ariaLabel?: string;
}

const display = (value: number, exponent: number, trim: boolean) => {
  const text = formatMinor(minor(value), exponent);
  return trim && text.includes('.') ? text.replace(/\.?0+$/, '') : text;
};

/** A decimal typed by a person, kept as an integer; text that is not a number stays on screen, marked, and changes nothing. */
export function DecimalInput({ value, onChange, exponent = 2, suffix, trimZeros = false, ariaLabel }: Props) {
  const field = useFieldIds();
  const [text, setText] = useState(() => display(value, exponent, trimZeros));
  const parsed = parseMinor(text, exponent);
  const invalid = parsed === null || parsed < 0;
  // Only a change from outside (a loaded rule) should rewrite what the user is typing.
  useEffect(() => {
    if (parseMinor(text, exponent) !== value) setText(display(value, exponent, trimZeros));
  }, [value]);
  return (
    <Input
      id={ariaLabel ? undefined : field?.id}
      aria-label={ariaLabel}
      className="office-number-input"
      inputMode="decimal"
      status={invalid || field?.invalid ? 'error' : undefined}
      suffix={suffix}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseMinor(e.target.value, exponent);
        if (next !== null && next >= 0) onChange(next);
      }}
    />
  );
}

/** A whole number; empty means "no limit" when the field allows it. */
export function IntegerInput({ value, onChange, min = 0 }: { value: number | null; onChange: (value: number | null) => void; min?: number }) {
  const field = useFieldIds();
  return (
    <InputNumber
      id={field?.id}
      className="office-number-input"
      min={min}
      precision={0}
      value={value}
      status={field?.invalid ? 'error' : undefined}
      onChange={(next) => onChange(typeof next === 'number' ? Math.trunc(next) : null)}
    />
  );
}
