// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { IdIndex, NO_MARKS } from '../../utils/page/id-index';

// happy-dom has no StaticRange: a plain holder of its four fields stands in.
(globalThis as { StaticRange?: unknown }).StaticRange ??= function StaticRange(
  this: object,
  init: object,
) {
  Object.assign(this, init);
};

describe("the agent's own addresses", () => {
  it('are not marked, whatever their case; the requester’s still are', () => {
    const paragraph = document.createElement('p');
    paragraph.textContent =
      'From Dana <Dana@Acme.com> to jenny.rosen@example.com about cus_PzJennyRosen01';
    document.body.append(paragraph);
    const index = new IdIndex(NO_MARKS, { emails: true, skip: ['dana@acme.com'] });
    index.scanText(paragraph.firstChild as Text);
    expect([...index.byNode.values()].flat().map((match) => match.id)).toEqual([
      'jenny.rosen@example.com',
      'cus_PzJennyRosen01',
    ]);
    paragraph.remove();
  });
});
