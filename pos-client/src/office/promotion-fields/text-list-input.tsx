import { useEffect, useState } from 'react';

const split = (text: string) => text.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean);

/** Several short texts (brands, voucher codes) typed with commas or one per line. */
export function TextListInput({ value, onChange, placeholder, rows }: { value: string[]; onChange: (list: string[]) => void; placeholder?: string; rows?: number }) {
  const [text, setText] = useState(value.join(', '));
  // Rewrite the text only when the list changed from outside, not on every keystroke.
  useEffect(() => {
    if (split(text).join('|') !== value.join('|')) setText(value.join(', '));
  }, [value]);
  const update = (next: string) => {
    setText(next);
    onChange(split(next));
  };
  return rows ? (
    <textarea className="office-input" rows={rows} value={text} placeholder={placeholder} onChange={(e) => update(e.target.value)} />
  ) : (
    <input className="office-input" value={text} placeholder={placeholder} onChange={(e) => update(e.target.value)} />
  );
}
