import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useFieldIds } from './field-problem';

const split = (text: string) => text.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean);

/** Several short texts (brands, voucher codes) typed with commas or one per line. */
export function TextListInput({ value, onChange, placeholder, rows }: { value: string[]; onChange: (list: string[]) => void; placeholder?: string; rows?: number }) {
  const field = useFieldIds();
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
    <Input.TextArea id={field?.id} rows={rows} value={text} placeholder={placeholder} onChange={(e) => update(e.target.value)} />
  ) : (
    <Input id={field?.id} value={text} placeholder={placeholder} onChange={(e) => update(e.target.value)} />
  );
}
