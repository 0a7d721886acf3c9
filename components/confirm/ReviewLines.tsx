import type { ReviewLine } from '../../utils/review-lines';

/** Every field a review will send, one per line: what Confirm sends, and nothing else. */
export function ReviewLines({ lines }: { lines: readonly ReviewLine[] }) {
  return (
    <dl class="review-lines" aria-label="What will be sent" data-testid="review-lines">
      {lines.map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>
            {line.value}
            {line.aside && <span class="muted"> ({line.aside})</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
