/**
 * Keeps one broken screen from blanking the app: shows what happened and a way back.
 * Answers are already committed to IndexedDB before the UI moves on, so nothing is lost here.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing this key (e.g. the route) clears the error. */
  resetKey: string;
}

interface State {
  error: Error | null;
  resetKey: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main className="screen">
        <div role="alert" className="error-banner">
          <h1>Something went wrong on this screen</h1>
          <p>{this.state.error.message}</p>
          <p>Your answers are saved. Go back to your decks or reload the page.</p>
          <div className="row">
            <a className="button primary" href="#/">Back to decks</a>
            <button type="button" className="button" onClick={() => window.location.reload()}>Reload</button>
          </div>
        </div>
      </main>
    );
  }
}
