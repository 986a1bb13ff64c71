import { Button, Result } from 'antd';

/** Shown when a screen fails to render; both languages, since the language context may be what failed. */
export function OfficeFailure() {
  return (
    <main className="office-centered">
      <Result
        status="error"
        title="后台出现故障 · The back office hit a problem"
        subTitle="请重新加载页面。 Reload the page to continue."
        extra={<Button type="primary" onClick={() => window.location.reload()}>重新加载 · Reload</Button>}
      />
    </main>
  );
}
