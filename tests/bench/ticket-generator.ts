import { MARKS_CSS } from '../../utils/page/mark-styles';

/**
 * Builds a helpdesk-like ticket page of a given size: `textNodes` text nodes holding about
 * `totalChars` characters, with `idCount` Stripe IDs (customers and sessions) spread evenly,
 * plus look-alikes that must not match.
 */
export interface TicketShape {
  textNodes: number;
  idCount: number;
  /** Email addresses spread evenly too (the requester, quoted replies, signatures). */
  emailCount?: number;
  totalChars?: number;
}

const WORDS =
  'hello thanks order refund charged twice invoice subscription please check account billing support agent customer issue'.split(
    ' ',
  );
/** Look-alikes that must not match, in one node out of ten. */
const NEAR_MISSES = ['focus_area', 'abacus_x', 'cs_testing_flow', 'discus_a1'];

/**
 * A helpdesk is a single-page app whose layout nests the ticket in wrapper after wrapper.
 * A scanner that measures each level's subtree anew pays for the whole page once per level.
 * The peers are handed the ticket itself and never see these.
 */
const WRAPPER_DEPTH = 12;
const APP_WRAPPERS = {
  open: '<div class="layer">'.repeat(WRAPPER_DEPTH),
  close: '</div>'.repeat(WRAPPER_DEPTH),
};

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function bodyId(i: number): string {
  return i % 2 === 0
    ? `cus_Bench${String(i).padStart(10, '0')}`
    : `cs_test_a1Bench${String(i).padStart(50, '0')}`;
}

/** An address like those in tickets: plus-addressing and subdomains now and then. */
export function bodyEmail(i: number): string {
  const local = i % 3 === 0 ? `customer${i}+billing` : `customer.${i}`;
  return `${local}@${i % 2 === 0 ? 'mail.example' : 'example'}.com`;
}

export function generateTicketHtml({
  textNodes,
  idCount,
  emailCount = 0,
  totalChars = 1_000_000,
}: TicketShape): string {
  const random = prng(textNodes * 31 + idCount);
  const charsPerNode = Math.max(12, Math.floor(totalChars / textNodes));
  const idEvery = textNodes / idCount;
  const emailEvery = emailCount ? textNodes / emailCount : Infinity;
  let nextEmail = 0;
  const messages: string[] = [];
  let message: string[] = [];
  let nextId = 0;
  for (let n = 0; n < textNodes; n++) {
    let text = '';
    while (text.length < charsPerNode) text += WORDS[Math.floor(random() * WORDS.length)] + ' ';
    text = text.slice(0, charsPerNode);
    if (n % 10 === 5) text = `${NEAR_MISSES[n % NEAR_MISSES.length]} ${text}`;
    if (nextId < idCount && n >= Math.floor(nextId * idEvery)) {
      const id = bodyId(nextId++);
      const at = Math.floor(text.length / 3);
      text = `${text.slice(0, at)} ${id} ${text.slice(at)}`;
    }
    // Offset from the IDs by half a step, so the two seldom share a node.
    if (nextEmail < emailCount && n >= Math.floor((nextEmail + 0.5) * emailEvery)) {
      const at = Math.floor((text.length * 2) / 3);
      text = `${text.slice(0, at)} &lt;${bodyEmail(nextEmail++)}&gt;, ${text.slice(at)}`;
    }
    // Alternate plain paragraphs and spans so nodes sit at different depths.
    message.push(n % 3 === 0 ? `<p>${text}</p>` : `<span>${text}</span> `);
    if (message.length === 20) {
      messages.push(
        `<article class="message"><div class="body">${message.join('')}</div></article>`,
      );
      message = [];
    }
  }
  if (message.length)
    messages.push(`<article class="message"><div class="body">${message.join('')}</div></article>`);
  // The marks' stylesheet is there from the start, as the browser injects it with the
  // content script (MARKS_CSS_FILE); inert for the other tools.
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>body{font:14px/1.4 sans-serif;margin:0 20px}.message{margin:8px 0}</style>
<style>${MARKS_CSS}</style></head>
<body${emailCount ? ' data-emails' : ''}>${APP_WRAPPERS.open}<main id="ticket">${messages.join('\n')}</main>${APP_WRAPPERS.close}</body></html>`;
}
