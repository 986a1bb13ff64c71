import { useEffect, useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';

interface Props {
  value: number;
  onChange: (value: Minor) => void;
  /** Decimal places the integer value carries: 2 for money in fen and for percent in basis points, 4 for a multiplier in basis points. */
  exponent?: number;
  suffix?: string;
  trimZeros?: boolean;
}

const display = (value: number, exponent: number, trim: boolean) => {
  const text = formatMinor(minor(value), exponent);
  return trim && text.includes('.') ? text.replace(/\.?0+$/, '') : text;
};

/** A decimal typed by a person, kept as an integer; text that is not a number stays on screen, marked, and changes nothing. */
export function DecimalInput({ value, onChange, exponent = 2, suffix, trimZeros = false }: Props) {
  const [text, setText] = useState(() => display(value, exponent, trimZeros));
  const parsed = parseMinor(text, exponent);
  const invalid = parsed === null || parsed < 0;

  // Only a change from outside (a loaded rule) should rewrite what the user is typing.
  useEffect(() => {
    if (parseMinor(text, exponent) !== value) setText(display(value, exponent, trimZeros));
  }, [value]);

  return (
    <span className="office-affix">
      <input
        className={invalid ? 'office-input office-input-invalid' : 'office-input'}
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseMinor(e.target.value, exponent);
          if (next !== null && next >= 0) onChange(next);
        }}
      />
      {suffix && <span>{suffix}</span>}
    </span>
  );
}

/** A whole number; empty means "no limit" when `nullable`. */
export function IntegerInput({ value, onChange, min = 0 }: { value: number | null; onChange: (value: number | null) => void; min?: number }) {
  return (
    <input
      className="office-input"
      type="number"
      min={min}
      step={1}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Math.trunc(Number(e.target.value)))}
    />
  );
}
