import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** Shown only for bugs; HQ's business failures are values and are shown where they happen. */
export class OfficeErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="office-centered">
        <div className="office-card office-sign-in" role="alert">
          <h1>后台出现故障 · The back office hit a problem</h1>
          <p>请重新加载页面。 Reload the page to continue.</p>
          <button type="button" className="office-button office-button-primary" onClick={() => window.location.reload()}>
            重新加载 · Reload
          </button>
        </div>
      </div>
    );
  }
}
