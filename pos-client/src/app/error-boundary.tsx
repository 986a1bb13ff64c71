import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** Shows `fallback` instead of a blank page when rendering hits a bug; business failures never get here. */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
