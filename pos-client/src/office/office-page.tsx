import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: string;
  /** Actions at the right of the title, e.g. an export or "new" button. */
  extra?: ReactNode;
  children: ReactNode;
}

/** A screen's frame: its heading (the page's one `h1`), a line on what it is for, then its content. */
export function OfficePage({ title, hint, extra, children }: Props) {
  return (
    <section className="office-page">
      <Flex justify="space-between" align="flex-end" gap={16} wrap>
        <div>
          <Typography.Title level={1} className="office-page-title">{title}</Typography.Title>
          {hint && <Typography.Paragraph type="secondary" className="office-page-hint">{hint}</Typography.Paragraph>}
        </div>
        {extra}
      </Flex>
      {children}
    </section>
  );
}
