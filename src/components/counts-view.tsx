export interface Counts {
  new: number;
  learning: number;
  due: number;
}

/** The three counts Anki users know: New (blue), Learning (red), Due (green). */
export function CountsView({ counts, label = 'Cards for today' }: { counts: Counts; label?: string }) {
  return (
    <dl className="counts" aria-label={label}>
      <div className="count new">
        <dt>New</dt>
        <dd>{counts.new}</dd>
      </div>
      <div className="count learning">
        <dt>Learning</dt>
        <dd>{counts.learning}</dd>
      </div>
      <div className="count due">
        <dt>Due</dt>
        <dd>{counts.due}</dd>
      </div>
    </dl>
  );
}
