export function OfficeFailure() {
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
