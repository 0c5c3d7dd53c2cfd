/** A clear, actionable error with an optional retry; announced to screen readers. */
export function ErrorBanner({ message, onRetry, onDismiss }: { message: string; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <div role="alert" className="error-banner">
      <p>{message}</p>
      <div className="row">
        {onRetry && (
          <button type="button" className="button primary" onClick={onRetry}>
            Retry
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
