/** Completed sales are safe in IndexedDB, so reloading is the right advice. */
export function TillFailure() {
  return (
    <div className="centered">
      <div className="card" role="alert">
        <h1>收银台出现故障 · The till hit a problem</h1>
        <p>已完成的销售单均已保存。请重新加载。 Completed sales are saved. Reload the page to continue.</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          重新加载 · Reload
        </button>
      </div>
    </div>
  );
}
