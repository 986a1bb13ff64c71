import { Tag } from 'antd';

/** Whether a row is in use: a dark green tag (white on #237804 meets WCAG AA, antd's light green does not) or a grey one. */
export function StateTag({ active, children }: { active: boolean; children: string }) {
  return active ? <Tag color="#237804">{children}</Tag> : <Tag>{children}</Tag>;
}
