import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics';

describe('metrics', () => {
  it('writes request latency as a Prometheus histogram by method, route and status', async () => {
    const metrics = createMetrics();
    metrics.requestSeconds.observe({ method: 'POST', route: '/sync/push', status: '200' }, 0.03);
    metrics.requestSeconds.observe({ method: 'POST', route: '/sync/push', status: '200' }, 0.4);
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE hq_http_request_duration_seconds histogram');
    expect(text).toContain('hq_http_request_duration_seconds_bucket{le="0.025",method="POST",route="/sync/push",status="200"} 0');
    expect(text).toContain('hq_http_request_duration_seconds_bucket{le="0.05",method="POST",route="/sync/push",status="200"} 1');
    expect(text).toContain('hq_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/sync/push",status="200"} 2');
    expect(text).toContain('hq_http_request_duration_seconds_count{method="POST",route="/sync/push",status="200"} 2');
    expect(metrics.registry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts pushed documents by kind and status, and keeps each registry apart', async () => {
    const one = createMetrics();
    const other = createMetrics();
    one.pushedDocuments.inc({ kind: 'sale', status: 'accepted' }, 3);
    one.pushedDocuments.inc({ kind: 'sale', status: 'duplicate' });
    const text = await one.registry.metrics();
    expect(text).toContain('# TYPE hq_pushed_documents_total counter');
    expect(text).toContain('hq_pushed_documents_total{kind="sale",status="accepted"} 3');
    expect(text).toContain('hq_pushed_documents_total{kind="sale",status="duplicate"} 1');
    expect(await other.registry.metrics()).not.toContain('status="accepted"');
  });

  it('declares the per-chain gauges with their help even before a scrape sets them', async () => {
    const text = await createMetrics().registry.metrics();
    for (const name of ['hq_tills_in_service', 'hq_tills_silent', 'hq_member_messages_pending', 'hq_member_messages_due', 'hq_sync_rejections_open']) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
  });
});
