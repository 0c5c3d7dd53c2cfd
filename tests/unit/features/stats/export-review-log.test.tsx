// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportReviewLog } from '../../../../src/features/stats/export-review-log.tsx';

const saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved.length = 0;
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(2024, 2, 15, 10) });
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push({ name: '', blob });
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<ExportReviewLog/>', () => {
  it('saves the worker’s CSV bytes under a dated file name', async () => {
    const csv = 'card_id,review_time,review_rating,review_state,review_duration\r\n1,1710496800000,3,2,4200\r\n';
    const exportCsv = vi.fn(async () => ({ bytes: new TextEncoder().encode(csv), rows: 1 }));
    render(<ExportReviewLog exportCsv={exportCsv} dayStartHour={4} reviewCount={1} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export review log (CSV)' }));
    expect(await screen.findByText('Saved 1 answer as retain-revlog-2024-03-15.csv.')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toBe('retain-revlog-2024-03-15.csv');
    expect(saved[0]?.blob.type).toBe('text/csv');
    expect(await saved[0]?.blob.text()).toBe(csv);
  });

  it('tells the time zone and day start hour to enter in FSRS tools', () => {
    render(<ExportReviewLog exportCsv={vi.fn()} dayStartHour={5} reviewCount={3} />);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(screen.getByText(/When an FSRS tool asks/).textContent).toBe(`When an FSRS tool asks, enter the time zone ${zone} and “next day starts at” 5.`);
  });

  it('has nothing to export without answers, and reports a failure', async () => {
    const { unmount } = render(<ExportReviewLog exportCsv={vi.fn()} dayStartHour={4} reviewCount={0} />);
    expect((screen.getByRole('button', { name: 'Export review log (CSV)' }) as HTMLButtonElement).disabled).toBe(true);
    unmount();
    render(<ExportReviewLog exportCsv={() => Promise.reject(new Error('disk full'))} dayStartHour={4} reviewCount={2} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export review log (CSV)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The review log could not be exported. disk full');
  });
});
