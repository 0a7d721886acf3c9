import { z } from 'zod';
import type { CardGrant } from '../kit/card-grant';
import type { CardDrawing, PageEffect } from '../messaging/content-messages';
import { failure, success, type Reply } from '../messaging/reply';
import type { BackgroundContext } from './background-context';

/**
 * Whether the page draws a card so that the agent sees what Confirm does. Asked of the
 * content script of the card's own frame as the agent presses Confirm and again before it
 * acts (the card frame is cross-origin to the page and cannot read the page's styles). The
 * answer comes back on the message itself, which no page can answer; what it says is
 * parsed like any message, and anything else, or silence, refuses.
 */

/** Long past a healthy answer (a few ms); a frame that says nothing in time is refused. */
export const DRAWING_ANSWER_TIMEOUT_MS = 1000;

const EFFECT_WORDS = {
  mask: 'a mask',
  'clip-path': 'a clip path',
  filter: 'a filter',
  opacity: 'transparency',
  transform: 'a transform',
  'blend-mode': 'a blend mode',
} as const satisfies Record<PageEffect, string>;

const PLACE_WORDS = {
  root: 'its root element',
  ancestor: 'an element around the card',
  card: 'the card itself',
} as const;

const CardDrawingAnswer = z.discriminatedUnion('drawn', [
  z.strictObject({ drawn: z.literal('plainly') }),
  z.strictObject({
    drawn: z.literal('through'),
    effect: z.enum(Object.keys(EFFECT_WORDS) as [PageEffect, ...PageEffect[]]),
    on: z.enum(Object.keys(PLACE_WORDS) as [keyof typeof PLACE_WORDS]),
  }),
  z.strictObject({ drawn: z.literal('out-of-top-layer') }),
  z.strictObject({ drawn: z.literal('in-foreign-frame') }),
  z.strictObject({ drawn: z.literal('not-here') }),
]) satisfies z.ZodType<CardDrawing>;

const NOTHING_SENT = 'so nothing was sent';
const USE_THE_POPUP = 'Act on it from the toolbar popup instead.';
const NO_ANSWER = `The page this card is on did not say how it shows the card, ${NOTHING_SENT}. Close the card and click the ID again.`;

function refusalFor(drawing: Exclude<CardDrawing, { drawn: 'plainly' }>): string {
  switch (drawing.drawn) {
    case 'through':
      return `The page draws this card through ${EFFECT_WORDS[drawing.effect]} on ${PLACE_WORDS[drawing.on]}, which can hide what Confirm does, ${NOTHING_SENT}. ${USE_THE_POPUP}`;
    case 'out-of-top-layer':
      return `The page has moved this card out of the layer it is drawn in, ${NOTHING_SENT}. Close the card and click the ID again.`;
    case 'in-foreign-frame':
      return `This card is inside a frame of another site, which can hide what Confirm does, ${NOTHING_SENT}. ${USE_THE_POPUP}`;
    case 'not-here':
      return NO_ANSWER;
  }
}

/** Null when the page draws the card plainly; otherwise the refusal, in a sentence. */
export async function checkCardDrawnPlainly(
  background: BackgroundContext,
  grant: CardGrant,
): Promise<Reply<null>> {
  // The popup is the extension's own window: no page draws it.
  if (grant.inPopup || grant.tabId === null) return success(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), DRAWING_ANSWER_TIMEOUT_MS);
  });
  const answer = await Promise.race([
    background
      .askFrame(grant.tabId, grant.frameId, { type: 'content.howIsCardDrawn', token: grant.token })
      .catch(() => undefined), // No content script there any more.
    silence,
  ]).finally(() => clearTimeout(timer));
  const drawing = CardDrawingAnswer.safeParse(answer);
  if (!drawing.success) return failure(NO_ANSWER);
  return drawing.data.drawn === 'plainly' ? success(null) : failure(refusalFor(drawing.data));
}
